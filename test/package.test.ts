// The published package as a dependency: `npm pack` (of the already built tree), installed
// into an empty project, must give a working CLI and library, ship only what runs, and say
// clearly that the optional figure libraries are missing. About 20 s; npm prefers its cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tmp = mkdtempSync(join(tmpdir(), 'coulomix-pack-'));
const app = join(tmp, 'app');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
let files: string[] = [];

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: root, encoding: 'utf8' }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0].files.map((f) => f.path);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(tmp, packed[0].filename)], {
    cwd: app,
    stdio: 'pipe',
  });
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bin = () => join(app, 'node_modules', '.bin', 'coulomix');
const run = (...args: string[]) => spawnSync(bin(), args, { cwd: app, encoding: 'utf8', timeout: 60_000 });

describe('npm pack, installed into an empty project', () => {
  it('ships only what runs, with its LICENSE, and asks for Node >= 20.16', () => {
    expect(files).toContain('LICENSE');
    expect(files).toContain('build/release.wasm');
    expect(files).toContain('dist/cli/main.js');
    expect(files.filter((f) => /^(src|assembly|scripts|test|bench)\/|debug\.wasm|dist\/portable|\.map$/.test(f))).toEqual([]);
    expect(pkg.engines.node).toBe('>=20.16.0');
  });

  it('installs no figure libraries (optional peer dependencies)', () => {
    const installed = spawnSync(process.execPath, ['-e', "import('vega').then(() => console.log('yes'), () => console.log('no'))"], { cwd: app, encoding: 'utf8' });
    expect(installed.stdout.trim()).toBe('no');
  });

  it('the CLI works: --version, melt, table on worker threads', () => {
    expect(run('--version').stdout).toBe(`coulomix ${pkg.version}\n`);
    const melt = run('melt', '--json');
    expect(melt.status).toBe(0);
    expect(JSON.parse(melt.stdout).gammaMelt).toBeCloseTo(175.7189, 3);
    const table = run('table', '--shells', '3', '--threads', '2', '--json');
    expect(table.status).toBe(0);
    expect(JSON.parse(table.stdout).shells[0].T).toBeCloseTo(4.43339, 4);
  });

  it('the library works as a dependency', () => {
    const src = `import { randomSolid, getLatticeSums, sroSolid, DomainError, closePool } from 'coulomix';
      const sums = await getLatticeSums(8);
      const r = randomSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, sums);
      const s = await sroSolid({ z1: 6, z2: 8, x: 0.5 }, 175.719, sums, { samplePoints: 20000 });
      let refused = false; try { randomSolid({ z1: 6, z2: 8, x: 1.5 }, 175, sums); } catch (e) { refused = e instanceof DomainError; }
      console.log(JSON.stringify({ F: r.F, sro: s.F, refused })); await closePool();`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', src], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.F).toBeCloseTo(-0.0026991440622, 10);
    expect(out.sro).toBeLessThan(out.F);
    expect(out.refused).toBe(true);
  });

  it('reproduce without the figure libraries: one clear line and exit 2, before any work', () => {
    const r = run('reproduce', '--tiny', '--out', 'res');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(["coulomix: the figures need the optional packages 'vega' and 'vega-lite'; install them next to coulomix with: npm install vega vega-lite"]);
  });
});
