// The sweep on a real SLURM cluster: a private one-node cluster (test/slurm/cluster.sh: its own
// munged, config and ports) is started for this file and shut down afterwards. It needs root and
// Debian's slurmctld, slurmd, slurm-client and munge; without them the tests are skipped with a
// warning, unless COULOMIX_SLURM_TESTS=required (set by .ci/run once it has installed them),
// where a missing SLURM is a failure.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const clusterScript = `${root}test/slurm/cluster.sh`;
const BINARIES = ['slurmctld', 'slurmd', 'sbatch', 'squeue', 'scancel', 'scontrol', 'sinfo', 'munged', 'munge', 'unmunge', 'runuser'];

// slurmctld, slurmd and munged live in /usr/sbin, which a non-login PATH may lack.
const onPath = (b: string): boolean => spawnSync('sh', ['-c', `PATH="$PATH:/usr/sbin:/sbin" command -v ${b}`]).status === 0;

function unavailable(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (slurmd runs the jobs as their user, so the test cluster needs root)';
  const missing = BINARIES.filter((b) => !onPath(b));
  return missing.length > 0 ? `${missing.join(', ')} not installed` : undefined;
}

const why = unavailable();
const required = process.env.COULOMIX_SLURM_TESTS === 'required';
if (why && !required) {
  console.warn(`warning: SLURM tests skipped: ${why} (Debian: apt-get install slurmctld slurmd slurm-client munge, as root)`);
}

let work = '';
let env: NodeJS.ProcessEnv = process.env;

function sh(cmd: string, args: string[], timeout = 120_000) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, timeout });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
const coulomix = (...args: string[]) => sh(process.execPath, [cli, ...args]);

/** Poll squeue until the job (all its array tasks) has left the queue. */
async function waitForJob(jobId: string, limitMs = 150_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const q = sh('squeue', ['-h', '-j', jobId]);
    if (q.code !== 0 || q.stdout.trim() === '') return;
    if (Date.now() - t0 > limitMs) throw new Error(`job ${jobId} still queued after ${limitMs / 1000} s:\n${q.stdout}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function writeSpec(name: string, grid: Record<string, unknown[]>): string {
  const path = join(work, name);
  const base = { model: 'random', 'gamma-min': 170, 'gamma-max': 172, 'gamma-step': 1, quiet: true };
  writeFileSync(path, JSON.stringify({ command: 'phase-diagram', base, grid }));
  return path;
}

/** results.jsonl of the same spec swept in one process on this machine. */
function singleProcessRun(spec: string, out: string): Buffer {
  const r = coulomix('sweep', spec, '--out', out, '--threads', '2');
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(out, 'results.jsonl'));
}

function submit(spec: string, out: string): { jobId: string; stderr: string } {
  const r = coulomix('sweep', spec, '--out', out, '--slurm', '--array-size', '4', '--submit');
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/^\d+\n$/);
  return { jobId: r.stdout.trim(), stderr: r.stderr };
}

describe.skipIf(Boolean(why) && !required)('sweep on a real one-node SLURM cluster', () => {
  beforeAll(() => {
    if (why) throw new Error(`COULOMIX_SLURM_TESTS=required, but ${why}`);
    work = mkdtempSync(join(tmpdir(), 'coulomix-slurm-'));
    chmodSync(work, 0o755); // munged runs as the munge user and keeps its socket inside
    const r = spawnSync('bash', [clusterScript, 'start', join(work, 'cluster')], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`could not start the test cluster: ${r.stderr.trim()}`);
    env = { ...process.env, SLURM_CONF: join(work, 'cluster', 'slurm.conf') };
  }, 90_000);

  afterAll(() => {
    if (!work) return;
    spawnSync('bash', [clusterScript, 'stop', join(work, 'cluster')], { encoding: 'utf8', timeout: 60_000 });
    rmSync(work, { recursive: true, force: true });
  }, 90_000);

  it('a 4-task job array submitted by sweep --slurm --submit merges to the single-process results.jsonl', async () => {
    const spec = writeSpec('a.json', { z2: [8, 10], 'liquid-mixing': ['smix', 'smixz'] });
    const reference = singleProcessRun(spec, join(work, 'a-local'));
    const out = join(work, 'a-slurm');
    const { jobId, stderr } = submit(spec, out);
    expect(stderr).toContain(`submitted job array ${jobId} (array tasks 0-3 of 0-3, 4 tasks)`);
    expect(readFileSync(join(out, 'sweep.sbatch'), 'utf8')).toContain('--shard "${SLURM_ARRAY_TASK_ID}/4"');
    await waitForJob(jobId);
    // Every array task ran its own shard of one task.
    const logs = readdirSync(join(out, 'slurm')).sort();
    expect(logs).toEqual([0, 1, 2, 3].map((i) => `${jobId}_${i}.out`));
    logs.forEach((log, i) => expect(readFileSync(join(out, 'slurm', log), 'utf8')).toContain(`shard ${i}/4 (--shard): 1 task,`));
    const m = coulomix('merge', out);
    expect(m.code, m.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl')).equals(reference)).toBe(true);
  }, 240_000);

  it('scancel of one array task: merge reports its tasks (exit 1), a resubmission finishes them, merge is then clean', async () => {
    const spec = writeSpec('b.json', { z2: [8, 10], 'liquid-mixing': ['smix', 'smixz'], 'solvus-gamma-max': [400, 500] });
    const reference = singleProcessRun(spec, join(work, 'b-local'));
    const out = join(work, 'b-slurm');
    const { jobId } = submit(spec, out);
    const tasks = (JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8')) as { tasks: Array<{ id: string }> }).tasks.map((t) => t.id);
    const shard3 = tasks.filter((_, i) => i % 4 === 3);
    // Cancel array task 3 while it computes its first task (it holds that task's claim).
    const t0 = Date.now();
    while (!shard3.some((id) => existsSync(join(out, 'running', `${id}.lock`)))) {
      if (Date.now() - t0 > 120_000) throw new Error('array task 3 never started');
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(sh('scancel', [`${jobId}_3`]).code).toBe(0);
    await waitForJob(jobId);

    const m = coulomix('merge', out);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/^coulomix: merge: [12] of 8 tasks have no result \([12] missing, 0 failed\); results.jsonl not written/m);
    const missing = [...m.stderr.matchAll(/^missing: task \d+ (\S+)/gm)].map((x) => x[1]);
    expect(missing.length).toBeGreaterThan(0);
    for (const id of missing) expect(shard3).toContain(id);
    expect(existsSync(join(out, 'results.jsonl'))).toBe(false);
    // No partial result: every file in results/ is one complete result line.
    for (const f of readdirSync(join(out, 'results'))) {
      expect(f).toMatch(/\.json$/);
      expect(JSON.parse(readFileSync(join(out, 'results', f), 'utf8')).id).toBe(f.replace(/\.json$/, ''));
    }

    const again = submit(spec, out);
    expect(again.stderr).toContain('(array tasks 3 of 0-3, 8 tasks)');
    await waitForJob(again.jobId);
    const m2 = coulomix('merge', out);
    expect(m2.code, m2.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.jsonl')).equals(reference)).toBe(true);
  }, 240_000);
});
