// The SIMD build of the kernels (build/release-simd.wasm, compiled with --enable simd): every
// export of index.ts, with the wedge quadrature taken two k-points at a time (quadratureSimd.ts,
// bit-identical to the scalar one); code under `if (ASC_FEATURE_SIMD)` (cellScan.ts) is compiled
// in too. The loader picks this build where WebAssembly.validate accepts SIMD
// (src/kernels/loadWasm.ts).
export * from "./index";
export { wedgeQuadrature } from "./quadratureSimd";

/** Marks this build (initKernels tells the two apart by it). */
export const simdBuild: i32 = 1;
