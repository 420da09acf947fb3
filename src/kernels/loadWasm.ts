import type { KernelBackend, KernelExports } from './kernelBackend.js';

let cached: KernelBackend | undefined;

function wrap(instance: WebAssembly.Instance): KernelBackend {
  const exports = instance.exports as unknown as KernelExports & { memory: WebAssembly.Memory };
  // WASM globals are exported as WebAssembly.Global objects; functions are used as they are.
  let heap = new Float64Array(exports.memory.buffer);
  let ints = new Int32Array(exports.memory.buffer);
  return {
    name: 'wasm',
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

/** URL of the compiled kernels (build/release.wasm at the package root). */
export const wasmUrl = new URL('../../build/release.wasm', import.meta.url);

/**
 * The WASM kernels, instantiated once per thread. In Node the module is read synchronously
 * from build/release.wasm; in a browser call `initKernels()` (async) once before use.
 */
export function loadWasm(): KernelBackend {
  if (cached) return cached;
  if (typeof process === 'undefined' || !process.versions?.node) {
    throw new Error('coulomix kernels not initialized: await initKernels() first (browser)');
  }
  // Synchronous load is fine in Node (no 4 KB main-thread limit there).
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const fs = process.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  const bytes = fs ? fs.readFileSync(wasmUrl) : undefined;
  if (!bytes) throw new Error('cannot read build/release.wasm (run npm run build)');
  cached = wrap(new WebAssembly.Instance(new WebAssembly.Module(bytes), imports));
  return cached;
}

/** Asynchronous initialisation for browsers (fetch) or any host; `source` overrides the URL or gives the bytes. */
export async function initKernels(source?: URL | string | ArrayBuffer | Uint8Array): Promise<KernelBackend> {
  if (cached) return cached;
  let bytes: ArrayBuffer | Uint8Array;
  if (source instanceof ArrayBuffer || source instanceof Uint8Array) bytes = source;
  else if (typeof process !== 'undefined' && process.versions?.node && source === undefined) return loadWasm();
  else {
    const url = source ?? wasmUrl;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load the coulomix kernels from ${String(url)}: HTTP ${response.status}`);
    bytes = await response.arrayBuffer();
  }
  const { instance } = await WebAssembly.instantiate(bytes as BufferSource, imports);
  cached = wrap(instance);
  return cached;
}
