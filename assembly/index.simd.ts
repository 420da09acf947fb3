// The SIMD build of the kernels (build/release-simd.wasm, compiled with --enable simd): the
// exports of index.ts, with the wedge quadrature taken two k-points at a time (quadratureSimd.ts,
// bit-identical to the scalar one). The loader picks this build where WebAssembly.validate
// accepts SIMD (src/kernels/loadWasm.ts).
export { allocate } from "./memory";
export {
  configureEwald, ewaldState, useEwald, evaluateDynamical, integrandAt, dynamicalBatch, integrandBatch, madelungEnergy,
  Dxx, Dyy, Dzz, Dxy, Dxz, Dyz, Bx, By, Bz,
} from "./ewald";
export { configureShells, shellsState, useShells, evaluateShells, shellCosineBatch } from "./shells";
export { configureWedge } from "./quadrature";
export { wedgeQuadrature } from "./quadratureSimd";
export { deltaKContext, deltaKBuffer, deltaKAt, deltaKMinimize } from "./deltaK";
export { cellScanContext, cellScanBuffer, cellScanSetTableMax, cellScan } from "./cellScan";

/** Marks this build (initKernels tells the two apart by it). */
export const simdBuild: i32 = 1;
