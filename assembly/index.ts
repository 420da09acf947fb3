// coulomix WASM kernels: only the hot loops. Physics bookkeeping lives in src/.
export { allocate } from "./memory";
export {
  configureEwald, ewaldState, useEwald, evaluateDynamical, integrandAt, dynamicalBatch, integrandBatch, madelungEnergy,
  Dxx, Dyy, Dzz, Dxy, Dxz, Dyz, Bx, By, Bz,
} from "./ewald";
export { configureShells, shellsState, useShells, evaluateShells, shellCosineBatch } from "./shells";
export { configureWedge, wedgeQuadrature } from "./quadrature";
export { deltaKContext, deltaKBuffer, deltaKAt, deltaKMinimize } from "./deltaK";
export { cellScanContext, cellScanBuffer, cellScanSetTableMax, cellScan } from "./cellScan";
export {
  McWord, McRecord, McSeries, mcContext, mcBuffer, mcGet, mcBuild, mcSetSites, mcSweeps, mcMeasure,
  mcRecomputeEnergy, mcFieldDrift,
} from "./mc";
