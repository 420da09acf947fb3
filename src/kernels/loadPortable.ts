import type { KernelBackend, KernelExports } from './kernelBackend.js';

let cached: KernelBackend | undefined;

/**
 * The same kernels compiled to plain JavaScript (AssemblyScript portable mode, built by
 * scripts/build-portable.mjs into dist/portable). For benchmarks and cross-checks only:
 * it needs the `assemblyscript` dev dependency for its portable globals.
 */
export async function loadPortable(): Promise<KernelBackend> {
  if (cached) return cached;
  await import('assemblyscript/std/portable/index.js' as string);
  const url = import.meta.url.endsWith('.ts')
    ? new URL('../../dist/portable/index.js', import.meta.url)
    : new URL('../portable/index.js', import.meta.url);
  const mod = (await import(url.href)) as KernelExports & { heapView(): Float64Array; heapIntView(): Int32Array };
  cached = {
    name: 'js',
    exports: mod,
    view: (ptr, count) => mod.heapView().subarray(ptr / 8, ptr / 8 + count),
    heap: () => mod.heapView(),
    ints: () => mod.heapIntView(),
  };
  return cached;
}
