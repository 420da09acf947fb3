import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SWEEPABLE_COMMANDS } from '../src/cli/sweepCatalog.js';
import { DomainError } from '../src/errors.js';
import { claimTask, readClaim } from '../src/sweep/claims.js';
import { arrayRanges, sbatchScript } from '../src/sweep/sbatch.js';
import { inShard, parseShard, shardFromEnv } from '../src/sweep/shard.js';
import { parseSpec } from '../src/sweep/spec.js';
import { openSweepDir } from '../src/sweep/sweepDir.js';
import { expandTasks, taskArgv } from '../src/sweep/tasks.js';
import { checkSpec } from '../src/sweep/validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli/main.js`;
const work = mkdtempSync(join(tmpdir(), 'coulomix-sweep-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fast spec: free-energy of the Ogata fit on a 3 x 2 grid (about 0.2 s per task). */
const SPEC = { command: 'free-energy', base: { model: 'ogata' }, grid: { x: [0.2, 0.4, 0.6], gamma: [150, 175] } };
function specFile(name: string, spec: unknown = SPEC): string {
  const p = join(work, name);
  writeFileSync(p, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return p;
}
const lines = (dir: string): string[] => readFileSync(join(dir, 'results.jsonl'), 'utf8').split('\n').filter(Boolean);

let referenceBytes: Buffer | undefined;
/** results.jsonl of SPEC swept once in one process (computed on first use). */
function reference(): Buffer {
  if (!referenceBytes) {
    const out = join(work, 'reference');
    const r = run(['sweep', specFile('reference.json'), '--out', out, '--threads', '2']);
    expect(r.code, r.stderr).toBe(0);
    referenceBytes = readFileSync(join(out, 'results.jsonl'));
  }
  return referenceBytes;
}

const waitFor = async (cond: () => boolean, ms = 30_000): Promise<void> => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('sweep spec', () => {
  const check = async (spec: unknown) => checkSpec(parseSpec(JSON.stringify(spec), 's.json'), SWEEPABLE_COMMANDS, 's.json');
  it('the task list is the Cartesian product, first grid flag slowest, with ids that depend only on the flags', async () => {
    const tasks = await check(SPEC);
    expect(tasks.map((t) => [t.flags.x, t.flags.gamma])).toEqual([[0.2, 150], [0.2, 175], [0.4, 150], [0.4, 175], [0.6, 150], [0.6, 175]]);
    expect(taskArgv(tasks[0].flags)).toEqual(['--model=ogata', '--x=0.2', '--gamma=150']);
    expect((await check(SPEC)).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
    expect(new Set(tasks.map((t) => t.id)).size).toBe(6);
    expect(tasks[0].id).toMatch(/^x=0\.2_gamma=150-[0-9a-f]{12}$/);
    // "8" and 8 reach the command line alike and give the same task; another base flag another id.
    const a = expandTasks(parseSpec('{"command":"melt","grid":{"anharmonic":["fh93"]},"base":{"liquid-fit":"ds99"}}', 's'));
    const b = expandTasks(parseSpec('{"command":"melt","base":{"liquid-fit":"ds99"},"grid":{"anharmonic":["fh93"]}}', 's'));
    const c = expandTasks(parseSpec('{"command":"melt","base":{"liquid-fit":"caillol99"},"grid":{"anharmonic":["fh93"]}}', 's'));
    expect(a[0].id).toBe(b[0].id);
    expect(c[0].id).not.toBe(a[0].id);
    expect(expandTasks(parseSpec('{"command":"table","grid":{"shells":["8"]}}', 's'))[0].id).toBe(expandTasks(parseSpec('{"command":"table","grid":{"shells":[8]}}', 's'))[0].id);
  });

  it('bad specs fail before any work with one line naming the problem', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ command: 'nope', grid: { x: [1] } }, /unknown command 'nope' \(a sweep runs one of: table, melt, minimize, free-energy, phase-diagram\)/],
      [{ command: 'reproduce', grid: { out: ['r'] } }, /unknown command 'reproduce'/],
      [{ command: 'melt', grid: {} }, /empty grid/],
      [{ command: 'melt' }, /empty grid/],
      [{ command: 'melt', grid: { anharmonic: [] } }, /empty grid: grid flag 'anharmonic' has no values/],
      [{ command: 'phase-diagram', grid: { z3: [8] } }, /'z3' is not an option of phase-diagram \(its options: model, z1, z2/],
      [{ command: 'phase-diagram', base: { model: 'random' }, grid: { z2: [8, 5] } }, /task 2 of 2 \(z2=5\) is rejected by phase-diagram: --z1 must be smaller than --z2/],
      [{ command: 'free-energy', base: { model: 'ogata', gamma: 100 }, grid: { x: [0.5, 1.5] } }, /task 2 of 2 \(x=1\.5\) is rejected by free-energy: --x \(number fraction of Z2\) must lie in \[1e-6, 1 - 1e-6\]/],
      [{ command: 'minimize', grid: { x: [0.5] } }, /rejected by minimize: minimize: --gamma is required/],
      [{ command: 'melt', grid: { anharmonic: ['bc22', 'nope'] } }, /task 2 of 2 \(anharmonic=nope\) is rejected by melt: --anharmonic must be one of/],
      [{ command: 'phase-diagram', grid: { json: [true] } }, /flag 'json' cannot be swept/],
      [{ command: 'phase-diagram', grid: { csv: [true] } }, /flag 'csv' cannot be swept/],
      [{ command: 'phase-diagram', grid: { quiet: ['yes'] } }, /--quiet is a switch: use true or false/],
      [{ command: 'phase-diagram', grid: { z2: [true] } }, /--z2 takes a value, got true/],
      [{ command: 'phase-diagram', grid: { z2: [8, '8'] } }, /grid flag 'z2' lists "8" twice/],
      [{ command: 'phase-diagram', base: { z2: 8 }, grid: { z2: [10] } }, /flag 'z2' is in both 'base' and 'grid'/],
      [{ command: 'table', grid: { '--shells': [8] } }, /write flag names without dashes \('shells'\)/],
      [{ command: 'table', grid: { shells: [[8]] } }, /must be a number, a string or true\/false/],
      [{ command: 'table', grid: { shells: 8 } }, /grid flag 'shells' must be a list of values/],
      [{ command: 'table', grid: { shells: [8] }, extra: 1 }, /unknown key 'extra'/],
      [[1, 2], /a sweep spec is a JSON object/],
      [{ command: 'table', grid: { tol: Array.from({ length: 400 }, (_, i) => i + 1), eta: Array.from({ length: 300 }, (_, i) => i + 1) } }, /more than 100000 tasks/],
    ];
    for (const [spec, message] of bad) {
      const err = await check(spec).catch((e: unknown) => e);
      expect(err, JSON.stringify(spec)).toBeInstanceOf(DomainError);
      expect((err as Error).message, JSON.stringify(spec)).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    }
    expect(() => parseSpec('{"command": ', 's.json')).toThrow(/^s\.json: not valid JSON/);
  });

  it('through the CLI: exit 2, one line on stderr, and no directory created', () => {
    for (const spec of ['{"command":"phase-diagram","grid":{"z3":[8]}}', '{"command":"melt","grid":{}}', '{"command":']) {
      const out = join(work, 'never');
      const r = run(['sweep', specFile('bad.json', spec), '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^coulomix: .*bad\.json: /);
      expect(existsSync(out)).toBe(false);
    }
    expect(run(['sweep', '--out', join(work, 'never')]).stderr).toBe('coulomix: sweep: SPEC.json is required (coulomix sweep SPEC.json --out DIR)\n');
    expect(run(['sweep', specFile('ok.json'), '--out', join(work, 'never'), '--partition', 'p']).stderr).toBe('coulomix: sweep: --partition needs --slurm\n');
  });
});

describe('shards', () => {
  it('I/N and the SLURM array variables give disjoint shards that cover every task', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4, source: '--shard' });
    for (const bad of ['4/4', '-1/4', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(DomainError);
    expect(shardFromEnv({})).toBeUndefined();
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ index: 3, count: 4 });
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_STEP: '2' })).toMatchObject({ index: 3, count: 4 });
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow(/pass --shard I\/N instead/);
    for (const n of [1, 3, 7]) {
      const owners = Array.from({ length: 20 }, (_, t) => Array.from({ length: n }, (_, i) => i).filter((i) => inShard(t, { index: i, count: n, source: '' })));
      expect(owners.every((o) => o.length === 1)).toBe(true);
    }
  });

  it('the sbatch script runs shard ${SLURM_ARRAY_TASK_ID}/N of the spec kept in DIR', () => {
    const s = sbatchScript({ dir: '/s/d', spec: '/s/d/spec.json', logs: '/s/d/slurm', node: '/usr/bin/node', cli: "/o'p/main.js", arraySize: 3, taskCount: 7, cpusPerTask: 2, partition: 'short', time: '1:00:00' });
    expect(s).toContain('#SBATCH --array=0-2\n');
    expect(s).toContain('#SBATCH --cpus-per-task=2\n#SBATCH --output=/s/d/slurm/%A_%a.out\n#SBATCH --partition=short\n#SBATCH --time=1:00:00\n');
    expect(s).toContain(`exec /usr/bin/node '/o'\\''p/main.js' sweep /s/d/spec.json --out /s/d --shard "\${SLURM_ARRAY_TASK_ID}/3" --threads 2\n`);
    expect(arrayRanges([0, 1, 2, 5, 7, 8])).toBe('0-2,5,7-8');
  });
});

describe('coulomix sweep and merge on one machine', () => {
  it('each result is the command run by hand; a second run computes nothing; shards merge to the same bytes', () => {
    const ref = reference();
    const dir = join(work, 'reference');
    const rows = lines(dir).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(6);
    for (const row of rows.slice(0, 2)) {
      const direct = run(['free-energy', ...taskArgv(row.flags), '--json']);
      expect(JSON.stringify(row.result)).toBe(direct.stdout.trim());
    }
    const again = run(['sweep', specFile('reference.json'), '--out', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^sweep: 6 of 6 tasks done \(0 computed now\); results in /);

    const sharded = join(work, 'sharded');
    const s0 = run(['sweep', specFile('s.json'), '--out', sharded, '--shard', '0/2']);
    expect(s0.stdout).toContain("3 of 3 tasks done (3 computed now) in shard 0/2; run 'coulomix merge");
    const early = run(['merge', sharded]);
    expect(early.code).toBe(1);
    expect(early.stderr.match(/^missing: /gm)).toHaveLength(3);
    expect(early.stderr).toMatch(/^missing: task 2 x=0\.2_gamma=175-[0-9a-f]{12} \(x=0\.2 gamma=175\)$/m);
    expect(early.stderr).toMatch(/coulomix: merge: 3 of 6 tasks have no result \(3 missing, 0 failed\); results.jsonl not written/);
    expect(existsSync(join(sharded, 'results.jsonl'))).toBe(false);
    // Inside a SLURM array task the shard comes from the environment.
    const s1 = run(['sweep', specFile('s.json'), '--out', sharded], { ...process.env, SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(s1.stderr).toContain('shard 1/2 (SLURM_ARRAY_TASK_ID): 3 tasks, 0 already done, 3 to run');
    expect(run(['merge', sharded]).code).toBe(0);
    expect(readFileSync(join(sharded, 'results.jsonl')).equals(ref)).toBe(true);
  });

  it('a failed task is recorded, reported by merge, retried by the next run', () => {
    const ref = reference();
    const dir = join(work, 'retry');
    const spec = specFile('retry.json');
    const r = run(['sweep', spec, '--out', dir, '--task-timeout', '0.001']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED \(attempt 1\): killed after the task timeout of 0\.001 s/);
    expect(r.stderr).toMatch(/coulomix: sweep: 6 of 6 tasks failed \(why: .*failed\/ID\.json\); run the same command again to retry them\n$/);
    expect(readdirSync(join(dir, 'failed'))).toHaveLength(6);
    const m = run(['merge', dir]);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(/^failed: {2}task 1 x=0\.2_gamma=150-\w+ \(x=0\.2 gamma=150\), attempt 1: killed after the task timeout/m);
    expect(run(['sweep', spec, '--out', dir, '--task-timeout', '0.001']).stderr).toContain('(attempt 2)');
    const ok = run(['sweep', spec, '--out', dir, '--threads', '2']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(readdirSync(join(dir, 'failed'))).toHaveLength(0);
    expect(readFileSync(join(dir, 'results.jsonl')).equals(ref)).toBe(true);
  });

  it('a changed spec and a directory of other files are refused, nothing changed', () => {
    const dir = join(work, 'reference');
    const before = readFileSync(join(dir, 'tasks.json'));
    const r = run(['sweep', specFile('changed.json', { ...SPEC, grid: { x: [0.2, 0.4, 0.7], gamma: [150, 175] } }), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^coulomix: the spec changed since the sweep in .* began: task 5 differs \(x=0\.6_gamma=150-\w+ there, x=0\.7_gamma=150-\w+ now\)\. Use a new --out directory/);
    expect(readFileSync(join(dir, 'tasks.json')).equals(before)).toBe(true);
    const foreign = join(work, 'foreign');
    const r2 = run(['sweep', specFile('ok.json'), '--out', work]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/holds other files .* and no tasks\.json: choose a new or empty directory; nothing was written/);
    expect(existsSync(join(work, 'tasks.json'))).toBe(false);
    expect(existsSync(foreign)).toBe(false);
    expect(run(['merge', join(work, 'none')]).stderr).toMatch(/is not a sweep directory \(no tasks\.json/);
  });

  it('--slurm without sbatch on PATH writes the script and says so in one line', () => {
    const dir = join(work, 'nosbatch');
    const r = run(['sweep', specFile('ok.json'), '--out', dir, '--slurm', '--submit'], { ...process.env, PATH: '/nonexistent' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`coulomix: --submit needs SLURM's sbatch on PATH; the script is ${dir}/sweep.sbatch (submit it with sbatch on the cluster)\n`);
    expect(readFileSync(join(dir, 'sweep.sbatch'), 'utf8')).toContain('#SBATCH --array=0-5\n');
  });
});

describe('faults', () => {
  it('writeFileAtomic killed mid-write leaves the old file or a whole new one, never a part', async () => {
    const target = join(work, 'atomic.txt');
    const size = 8 << 20;
    const script = `import { writeFileAtomic } from ${JSON.stringify(`${root}dist/sweep/atomicFile.js`)};
      for (let i = 0; ; i++) writeFileAtomic(${JSON.stringify(target)}, String.fromCharCode(97 + (i % 26)).repeat(${size}));`;
    for (const delay of [5, 40, 150]) {
      rmSync(target, { force: true });
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      if (!existsSync(target)) continue;
      const text = readFileSync(target, 'utf8');
      expect(text.length).toBe(size);
      expect(text.replaceAll(text[0], '')).toBe('');
    }
  });

  it('a sweep killed with SIGKILL keeps whole results only, and the next run takes its stale claim over', async () => {
    const ref = reference();
    const dir = join(work, 'killed');
    const child = spawn(process.execPath, [cli, 'sweep', specFile('k.json'), '--out', dir, '--threads', '1'], { stdio: 'ignore' });
    await waitFor(() => existsSync(join(dir, 'results')) && readdirSync(join(dir, 'results')).some((f) => f.endsWith('.json')));
    await waitFor(() => readdirSync(join(dir, 'running')).some((f) => f.endsWith('.lock')));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const stale = readdirSync(join(dir, 'running')).filter((f) => f.endsWith('.lock'));
    expect(stale.length).toBe(1);
    expect(readClaim(dir, stale[0].replace(/\.lock$/, ''))?.pid).toBe(child.pid);
    for (const f of readdirSync(join(dir, 'results')).filter((n) => !n.startsWith('.'))) JSON.parse(readFileSync(join(dir, 'results', f), 'utf8'));
    const r = run(['sweep', specFile('k.json'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('(6 computed now)');
    expect(readFileSync(join(dir, 'results.jsonl')).equals(ref)).toBe(true);
    expect(readdirSync(join(dir, 'running'))).toEqual([]);
  });

  it('SIGTERM stops a sweep with exit 143, releases its claims and keeps its finished results', async () => {
    const dir = join(work, 'term');
    const child = spawn(process.execPath, [cli, 'sweep', specFile('t.json'), '--out', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    await waitFor(() => existsSync(join(dir, 'results')) && readdirSync(join(dir, 'results')).length > 0);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(stderr).toMatch(/sweep: stopped by SIGTERM: [1-5] of 6 tasks done, their results kept; run the same command again to resume\n$/);
    expect(readdirSync(join(dir, 'running'))).toEqual([]);
    expect(readdirSync(join(dir, 'failed'))).toEqual([]);
  });

  it('two sweeps into one directory at once share the work through per-task claims', async () => {
    const ref = reference();
    const dir = join(work, 'twice');
    const spec = specFile('twice.json');
    const start = () =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const c = spawn(process.execPath, [cli, 'sweep', spec, '--out', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
        let stdout = '';
        c.stdout.on('data', (d) => (stdout += d));
        c.on('exit', (code) => resolve({ code, stdout }));
      });
    const both = await Promise.all([start(), start()]);
    for (const b of both) expect(b.code).toBe(0);
    const computed = both.map((b) => Number(/\((\d+) computed now\)/.exec(b.stdout)?.[1]));
    expect(computed[0] + computed[1]).toBe(6);
    expect(readFileSync(join(dir, 'results.jsonl')).equals(ref)).toBe(true);
  });

  it('a claim held by a live process is refused, one of a dead process is taken over', async () => {
    const dir = join(work, 'claims');
    const tasks = expandTasks(parseSpec(JSON.stringify(SPEC), 's'));
    openSweepDir(dir, 'free-energy', ['x', 'gamma'], tasks, '{}\n');
    const first = claimTask(dir, tasks[0].id);
    expect('release' in first).toBe(true);
    const second = claimTask(dir, tasks[0].id);
    expect(second).toMatchObject({ pid: process.pid });
    expect('release' in second).toBe(false);
    if ('release' in first) first.release();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'running', `${tasks[1].id}.lock`), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), started: '', token: 'x' }));
    const taken = claimTask(dir, tasks[1].id);
    expect('release' in taken).toBe(true);
    if ('release' in taken) taken.release();
  });
});
