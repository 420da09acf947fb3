import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandNames, runCli } from '../src/cli/main.js';
import type { BadInputRow } from './cli-bad-input/types.js';

// One table per command, in test/cli-bad-input/<command>.ts (see the README there).
const tables = import.meta.glob<{ rows: BadInputRow[] }>('./cli-bad-input/*.ts', { eager: true });
const byCommand = new Map(
  Object.entries(tables)
    .filter(([file]) => !file.endsWith('/types.ts'))
    .map(([file, mod]) => [file.replace(/^.*\/(.*)\.ts$/, '$1'), mod.rows]),
);

/** Run the CLI in this process; stdout and stderr are captured. */
async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await runCli(argv);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
afterEach(() => vi.restoreAllMocks());

describe('bad command-line input: exit 2, one line on stderr, nothing on stdout', () => {
  it('every command has a table', () => {
    expect(commandNames().filter((c) => !byCommand.has(c))).toEqual([]);
  });

  for (const command of commandNames()) {
    it(`${command}: every flag of --help occurs in a row`, async () => {
      const help = (await cli([command, '--help'])).stdout;
      const flags = new Set([...help.matchAll(/--([a-z][a-z0-9-]*)/g)].map((m) => m[1]).filter((f) => f !== 'help'));
      const used = new Set((byCommand.get(command) ?? []).flatMap((r) => r.args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0])));
      expect([...flags].filter((f) => !used.has(f))).toEqual([]);
    });
    for (const row of byCommand.get(command) ?? []) {
      it(`${command} ${row.args.map((a) => (a === '' ? "''" : a)).join(' ')}`, async () => {
        const r = await cli([command, ...row.args]);
        expect(r.stdout).toBe('');
        const lines = r.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^coulomix: /);
        expect(lines[0]).not.toMatch(/internal error|undefined|null/);
        if (row.stderr) expect(lines[0]).toMatch(row.stderr);
        expect(r.code).toBe(2);
      });
    }
  }
});
