// Tests that spawn the CLI or start worker threads run the compiled build (dist/, build/).
// Rebuild once before the suite when any source is newer than its output, so that
// `npm test` after an edit never tests stale code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const built = (file: string): number => (existsSync(`${root}${file}`) ? statSync(`${root}${file}`).mtimeMs : 0);

export default function setup(): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (built('build/release.wasm') < newest(`${root}assembly`)) {
    execFileSync(npm, ['run', 'asbuild:release'], { cwd: root, stdio: 'inherit' });
  }
  if (built('build/release-simd.wasm') < newest(`${root}assembly`)) {
    execFileSync(npm, ['run', 'asbuild:simd'], { cwd: root, stdio: 'inherit' });
  }
  if (built('dist/cli/main.js') < newest(`${root}src`)) {
    // tsc emits even when a type error elsewhere makes it exit non-zero; the suite then tests what was emitted.
    try {
      execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
    } catch {
      /* reported by tsc above */
    }
    // as `npm run build` does after tsc
    if (existsSync(`${root}dist/cli/main.js`)) execFileSync(process.execPath, [`${root}scripts/mark-bin-executable.mjs`], { cwd: root });
  }
  if (!existsSync(`${root}dist/cli/main.js`)) throw new Error('dist/cli/main.js was not built (npm run build)');
}
