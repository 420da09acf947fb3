/** The raw kernel exports (assembly/index.ts), identical for the WASM and the portable-JS build. */
export interface KernelExports {
  allocate(count: number): number;
  configureEwald(
    rPtr: number, nR: number, rMax: number, gPtr: number, nG: number, gMax: number,
    eta: number, diag: number, half: number, unit: number, reach: number,
  ): void;
  ewaldState(): number;
  useEwald(state: number): void;
  evaluateDynamical(kx: number, ky: number, kz: number): void;
  integrandAt(kx: number, ky: number, kz: number): number;
  dynamicalBatch(kPtr: number, nk: number, outPtr: number): void;
  integrandBatch(kPtr: number, nk: number, outPtr: number): void;
  madelungEnergy(): number;
  configureShells(tPtr: number, count: number, shells: number, maxIndex: number, half: number): number;
  shellsState(): number;
  useShells(state: number): void;
  evaluateShells(kx: number, ky: number, kz: number): void;
  shellCosineBatch(kPtr: number, nk: number, outPtr: number): void;
  configureWedge(
    Hx: number, Hy: number, Hz: number, Nx: number, Ny: number, Nz: number,
    Px: number, Py: number, Pz: number, shells: number, sumsPtr: number,
  ): void;
  wedgeQuadrature(
    tPtr: number, nt: number, uPtr: number, nu: number, vPtr: number, nv: number,
    first: number, last: number, accPtr: number,
  ): void;
  deltaKContext(tPtr: number, count: number, shells: number, maxIndex: number, half: number): number;
  deltaKBuffer(ctx: number, which: number): number;
  deltaKAt(ctx: number, kx: number, ky: number, kz: number, x: number): void;
  deltaKMinimize(ctx: number, kx: number, ky: number, kz: number, x: number, maxIterations: number): void;
  cellScanContext(n: number, count: number, blocks: number, cells: number): number;
  cellScanBuffer(ctx: number, which: number): number;
  cellScanSetTableMax(ctx: number, tableMax: number): void;
  cellScan(ctx: number, b: number, keep: number, floor: number): number;
  mcContext(L: number, slots: number, measureShells: number, capacity: number): number;
  mcBuffer(ctx: number, which: number): number;
  mcGet(ctx: number, which: number): number;
  mcBuild(ctx: number): void;
  mcSetSites(ctx: number): void;
  mcSweeps(ctx: number, gamma: number, sweeps: number, measureEvery: number): number;
  mcMeasure(ctx: number): void;
  mcRecomputeEnergy(ctx: number): number;
  mcFieldDrift(ctx: number): number;
}

/** A kernel instance plus a way to see its memory as doubles. */
export interface KernelBackend {
  /** 'wasm' (scalar), 'wasm-simd' (the f64x2 build) or 'js' (the portable build). */
  name: 'wasm' | 'wasm-simd' | 'js';
  exports: KernelExports;
  /** A Float64Array view of `count` doubles at byte offset `ptr` (make a new one after any allocation). */
  view(ptr: number, count: number): Float64Array;
  /**
   * All of the kernel memory as doubles (word i at byte offset 8 i), cached: the same array
   * until the memory grows, so hot calls can read and write buffers without a new view each time.
   */
  heap(): Float64Array;
  /** The same memory as 32-bit integers (word i at byte offset 4 i), cached like heap(). */
  ints(): Int32Array;
}
