// Compile the AssemblyScript kernels as plain JavaScript (AssemblyScript's "portable" mode:
// f64/i32 become numbers, memory.ts is swapped for a Float64Array heap). Only the benchmark
// (WASM-vs-JS ratio) and one cross-check test use it.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'dist', 'portable-src');
const out = join(root, 'dist', 'portable');
rmSync(src, { recursive: true, force: true });
mkdirSync(src, { recursive: true });
for (const f of readdirSync(join(root, 'assembly'))) {
  if (!f.endsWith('.ts') || f === 'memory.ts' || f === 'memory.portable.ts') continue;
  const text = readFileSync(join(root, 'assembly', f), 'utf8').replace(/from "\.\/(\w+)"/g, 'from "./$1.js"');
  writeFileSync(join(src, f), f === 'index.ts' ? `${text}export { heapView, heapIntView } from "./memory.js";\n` : text);
}
cpSync(join(root, 'assembly', 'memory.portable.ts'), join(src, 'memory.ts'));
const require = createRequire(import.meta.url);
const portableTypes = join(dirname(require.resolve('assemblyscript/package.json')), 'std', 'portable', 'index.d.ts');
writeFileSync(join(src, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    target: 'ES2022', module: 'ES2022', moduleResolution: 'bundler', outDir: out,
    strict: false, noLib: false, lib: ['ES2022'], types: [], skipLibCheck: true,
  },
  files: [portableTypes, ...readdirSync(src).filter((f) => f.endsWith('.ts'))],
}, null, 2));
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' });
console.log(`portable kernels -> ${out}`);
