// Raw f64 access into linear memory. JS allocates every buffer once (see `allocate`) and
// passes byte offsets; the hot loops never allocate. A portable twin (memory.portable.ts)
// backs the same calls with a Float64Array for the plain-JavaScript build.

@inline export function ld(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

@inline export function st(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}

/** The double at byte address `at` (hot loops walk precomputed byte offsets). */
@inline export function ldb(at: usize): f64 {
  return load<f64>(at);
}

@inline export function stb(at: usize, v: f64): void {
  store<f64>(at, v);
}

/** Reserve `count` doubles of linear memory; returns the byte offset. Never freed (stub runtime). */
export function allocate(count: i32): usize {
  return heap.alloc(<usize>count << 3);
}

// i32 access and allocation, for index tables (the Monte Carlo kernel, mc.ts).
@inline export function ldi(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

@inline export function sti(base: usize, i: i32, v: i32): void {
  store<i32>(base + (<usize>i << 2), v);
}

// u16 access, for the Monte Carlo neighbour table (N <= 65536 sites: half the bytes of i32).
/** The unsigned 16-bit integer at byte address `at`. */
@inline export function ldh(at: usize): i32 {
  return <i32>load<u16>(at);
}

@inline export function sth(base: usize, i: i32, v: i32): void {
  store<u16>(base + (<usize>i << 1), <u16>v);
}

/** Reserve `count` u16 of linear memory (rounded up to whole doubles); returns the byte offset. */
export function allocateHalves(count: i32): usize {
  return heap.alloc(<usize>((count + 3) >> 2) << 3);
}

/** Reserve `count` i32 of linear memory (rounded up to whole doubles); returns the byte offset. */
export function allocateInts(count: i32): usize {
  return heap.alloc(<usize>((count + 1) >> 1) << 3);
}
