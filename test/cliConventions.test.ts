import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../src/cli/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = `${root}dist/cli/main.js`;
const cli = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 60_000 });
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

/** Run the CLI with its stdout closed by the reader before anything is written (`| head -0`). */
function closedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('CLI conventions shared by every command', () => {
  it('--version prints the package version', () => {
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`coulomix ${pkg.version}\n`);
  });

  it('no command: one line on stderr, exit 2; --help: the usage on stdout, exit 0', () => {
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    const help = cli('--help');
    expect(help.status).toBe(0);
    for (const c of commandNames()) expect(help.stdout).toContain(`  ${c} `);
  });

  for (const command of commandNames()) {
    it(`${command}: -h, --help and 'coulomix help ${command}' print the same help, exit 0`, () => {
      const long = cli(command, '--help');
      expect(long.status).toBe(0);
      expect(long.stdout).toMatch(new RegExp(`^usage: coulomix ${command}`));
      expect(cli(command, '-h').stdout).toBe(long.stdout);
      expect(cli('help', command).stdout).toBe(long.stdout);
      // --help wins over other (even bad) flags
      expect(cli(command, '--bogus', '-h').stdout).toBe(long.stdout);
    });
  }

  it("'coulomix help nosuch' is a usage error", () => {
    const r = cli('help', 'nosuch');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'nosuch'/);
  });

  it('a closed output pipe ends the process quietly with exit 0 (no EPIPE stack trace)', async () => {
    for (const args of [['melt'], ['phase-diagram', '--model', 'random', '--gamma-min', '170', '--gamma-max', '172', '--gamma-step', '1', '--csv', '--quiet']]) {
      const r = await closedPipe(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  }, 60000);
});
