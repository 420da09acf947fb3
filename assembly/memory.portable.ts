// Portable (plain JavaScript) twin of memory.ts: a growable heap with a bump allocator, seen
// as doubles (HEAP), 32-bit integers (HEAPI) and 16-bit unsigned integers (HEAPH) over the same bytes, as in WASM memory.
let HEAP = new Float64Array(1 << 16);
let HEAPI = new Int32Array(HEAP.buffer);
let HEAPH = new Uint16Array(HEAP.buffer);
let top = 8; // keep offset 0 unused, as in WASM

export function ld(base: usize, i: i32): f64 {
  return HEAP[base / 8 + i];
}

export function st(base: usize, i: i32, v: f64): void {
  HEAP[base / 8 + i] = v;
}

export function ldi(base: usize, i: i32): i32 {
  return HEAPI[base / 4 + i];
}

export function sti(base: usize, i: i32, v: i32): void {
  HEAPI[base / 4 + i] = v;
}

export function ldh(at: usize): i32 {
  return HEAPH[at / 2];
}

export function sth(base: usize, i: i32, v: i32): void {
  HEAPH[base / 2 + i] = v;
}

export function allocateHalves(count: i32): usize {
  return allocate((count + 3) >> 2);
}

export function ldb(at: usize): f64 {
  return HEAP[at / 8];
}

export function stb(at: usize, v: f64): void {
  HEAP[at / 8] = v;
}

export function allocate(count: i32): usize {
  const start = top;
  top += count * 8;
  if (top / 8 > HEAP.length) {
    const grown = new Float64Array(Math.max(HEAP.length * 2, top / 8 + 1024));
    grown.set(HEAP);
    HEAP = grown;
    HEAPI = new Int32Array(HEAP.buffer);
    HEAPH = new Uint16Array(HEAP.buffer);
  }
  return start;
}

export function allocateInts(count: i32): usize {
  return allocate((count + 1) >> 1);
}

/** The heap itself, for the JS wrapper to read and write buffers. */
export function heapView(): Float64Array {
  return HEAP;
}

/** The same heap as 32-bit integers. */
export function heapIntView(): Int32Array {
  return HEAPI;
}
