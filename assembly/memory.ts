// Raw f64 access into linear memory. JS allocates every buffer once (see `allocate`) and
// passes byte offsets; the hot loops never allocate. A portable twin (memory.portable.ts)
// backs the same calls with a Float64Array for the plain-JavaScript build.

@inline export function ld(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}

@inline export function st(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
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

/** Reserve `count` i32 of linear memory (rounded up to whole doubles); returns the byte offset. */
export function allocateInts(count: i32): usize {
  return heap.alloc(<usize>((count + 1) >> 1) << 3);
}
