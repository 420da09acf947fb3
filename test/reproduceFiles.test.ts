import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/errors.js';
import { MARKER, stage } from '../src/reproduce/output.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'coulomix-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A finished result folder as a run leaves it. */
async function finished(out: string, files = ['REPORT.md', 'summary.json']): Promise<void> {
  const st = await stage(out);
  for (const f of files) await st.writeText(f, f);
  await st.commit();
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('reproduce --out: files are safe', () => {
  it('a finished folder carries the marker and is replaced by the next run', async () => {
    const out = join(tmp, 'ok');
    await finished(out);
    expect(JSON.parse(readFileSync(join(out, MARKER), 'utf8')).files).toEqual(['REPORT.md', 'summary.json']);
    await finished(out, ['REPORT.md']);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'REPORT.md'].sort());
    expect(readdirSync(tmp).filter((f) => f.startsWith('.ok'))).toEqual([]);
  });

  it("refuses a folder it did not write even if it holds a summary.json (the user's thesis.tex stays)", async () => {
    const out = join(tmp, 'thesis');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.json'), '{}');
    writeFileSync(join(out, 'thesis.tex'), 'mine');
    await expect(stage(out)).rejects.toThrow(DomainError);
    await expect(stage(out)).rejects.toThrow(/no earlier reproduce run wrote/);
    expect(readFileSync(join(out, 'thesis.tex'), 'utf8')).toBe('mine');
  });

  it('refuses an earlier result to which the user added a file, unless forced', async () => {
    const out = join(tmp, 'added');
    await finished(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(stage(out)).rejects.toThrow(/did not write \(notes\.txt\)/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    const st = await stage(out, { force: true });
    await st.writeText('REPORT.md', 'new');
    await st.commit();
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
  });

  it('a second concurrent run into the same folder is refused', async () => {
    const out = join(tmp, 'busy');
    const first = await stage(out);
    await expect(stage(out)).rejects.toThrow(/another reproduce run \(pid \d+/);
    await first.abort();
    const again = await stage(out); // the lock was released
    await again.abort();
  });

  it('removes and reports the leftovers of a killed run (lock, .partial-PID), restores its .old-PID', async () => {
    const out = join(tmp, 'killed');
    const pid = deadPid();
    writeFileSync(join(tmp, '.killed.lock'), JSON.stringify({ pid, host: hostname(), started: 'then' }));
    mkdirSync(join(tmp, `.killed.partial-${pid}`));
    mkdirSync(join(tmp, `.killed.old-${pid}`));
    writeFileSync(join(tmp, `.killed.old-${pid}`, MARKER), JSON.stringify({ files: [] }));
    const notes: string[] = [];
    const st = await stage(out, { onNote: (m) => notes.push(m) });
    expect(notes.join('\n')).toMatch(/removed the lock .* that no longer runs/);
    expect(notes.join('\n')).toMatch(new RegExp(`removed \\.killed\\.partial-${pid}`));
    expect(notes.join('\n')).toMatch(new RegExp(`restored .*killed from \\.killed\\.old-${pid}`));
    await st.abort();
    expect(readdirSync(tmp).filter((f) => f.startsWith('.killed'))).toEqual([]);
    expect(existsSync(out)).toBe(true); // the restored earlier result
  });

  it('a failed run removes the parent folders it created', async () => {
    const out = join(tmp, 'new', 'deep', 'results');
    const st = await stage(out);
    await st.abort();
    expect(existsSync(join(tmp, 'new'))).toBe(false);
  });

  it('a process that exits in the middle (closed pipe, signal) leaves no partial folder or lock', () => {
    const out = join(tmp, 'exited');
    const src = `import { stage } from ${JSON.stringify(`${root}dist/reproduce/output.js`)};
      const st = await stage(${JSON.stringify(out)}); await st.writeText('a.txt', 'x'); process.exit(0);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.exited'))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
