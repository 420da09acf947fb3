import type { KernelBackend, KernelExports } from './kernelBackend.js';

/** The two builds of assembly/: scalar, and SIMD (f64x2 over two k-points where it pays). */
export type WasmBuild = 'scalar' | 'simd';

const cache: Partial<Record<WasmBuild, KernelBackend>> = {};
let selected: KernelBackend | undefined;

function wrap(instance: WebAssembly.Instance, build: WasmBuild): KernelBackend {
  const exports = instance.exports as unknown as KernelExports & { memory: WebAssembly.Memory };
  // WASM globals are exported as WebAssembly.Global objects; functions are used as they are.
  let heap = new Float64Array(exports.memory.buffer);
  let ints = new Int32Array(exports.memory.buffer);
  return {
    name: build === 'simd' ? 'wasm-simd' : 'wasm',
    exports,
    view: (ptr, count) => new Float64Array(exports.memory.buffer, ptr, count),
    heap: () => (heap.buffer === exports.memory.buffer ? heap : (heap = new Float64Array(exports.memory.buffer))),
    ints: () => (ints.buffer === exports.memory.buffer ? ints : (ints = new Int32Array(exports.memory.buffer))),
  };
}

const imports = {
  env: {
    abort(_msg: number, _file: number, line: number, column: number): never {
      throw new Error(`coulomix WASM kernel aborted at ${line}:${column}`);
    },
  },
};

/** URL of the compiled scalar kernels (build/release.wasm at the package root). */
export const wasmUrl = new URL('../../build/release.wasm', import.meta.url);
/** URL of the SIMD build (build/release-simd.wasm), found by bundlers the same way. */
export const simdWasmUrl = new URL('../../build/release-simd.wasm', import.meta.url);

// The smallest module using a 128-bit SIMD instruction (i8x16.splat, i8x16.popcnt): a host
// that validates it runs the SIMD build.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** Whether this host's WebAssembly has fixed-width SIMD (WebAssembly.validate on a probe module). */
export function simdSupported(): boolean {
  try {
    return WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const isNode = (): boolean => typeof process !== 'undefined' && !!process.versions?.node;

/** One build, instantiated once per thread, read synchronously in Node (for benchmarks and tests). */
export function loadWasmBuild(build: WasmBuild): KernelBackend {
  const hit = cache[build];
  if (hit) return hit;
  if (!isNode()) throw new Error('coulomix kernels not initialized: await initKernels() first (browser)');
  const fs = process.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  const url = build === 'simd' ? simdWasmUrl : wasmUrl;
  const bytes = fs?.existsSync(url) ? fs.readFileSync(url) : undefined;
  if (!bytes) throw new Error(`cannot read build/${build === 'simd' ? 'release-simd' : 'release'}.wasm (run npm run build)`);
  return (cache[build] = wrap(new WebAssembly.Instance(new WebAssembly.Module(bytes), imports), build));
}

/**
 * The WASM kernels of this thread: the SIMD build where the host supports it (see
 * simdSupported), otherwise the scalar one; both give bit-identical results. In Node the module
 * is read synchronously from build/; in a browser call `initKernels()` (async) once before use.
 */
export function loadWasm(): KernelBackend {
  if (selected) return selected;
  if (!isNode()) throw new Error('coulomix kernels not initialized: await initKernels() first (browser)');
  if (simdSupported()) {
    try {
      selected = loadWasmBuild('simd');
    } catch {
      // not built (an old build/ folder): the scalar build gives the same results
    }
  }
  selected ??= loadWasmBuild('scalar');
  return selected;
}

/**
 * Asynchronous initialisation for browsers (fetch) or any host. Without `source`, fetches the
 * SIMD build (build/release-simd.wasm) where WebAssembly.validate accepts SIMD, else the scalar
 * build/release.wasm; `source` overrides that with one module's URL or bytes (either build).
 */
export async function initKernels(source?: URL | string | ArrayBuffer | Uint8Array): Promise<KernelBackend> {
  if (selected) return selected;
  let bytes: ArrayBuffer | Uint8Array;
  if (source instanceof ArrayBuffer || source instanceof Uint8Array) bytes = source;
  else if (isNode() && source === undefined) return loadWasm();
  else {
    const url = source ?? (simdSupported() ? simdWasmUrl : wasmUrl);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load the coulomix kernels from ${String(url)}: HTTP ${response.status}`);
    bytes = await response.arrayBuffer();
  }
  const { instance } = await WebAssembly.instantiate(bytes as BufferSource, imports);
  // Which build a given module is: the SIMD one exports `simdBuild`.
  const build: WasmBuild = 'simdBuild' in instance.exports ? 'simd' : 'scalar';
  selected = wrap(instance, build);
  return selected;
}
