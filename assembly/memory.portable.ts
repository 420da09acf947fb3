// Portable (plain JavaScript) twin of memory.ts: a growable ArrayBuffer with Float64Array and
// Int32Array views and a bump allocator.
let HEAP = new Float64Array(1 << 16);
let HEAP32 = new Int32Array(HEAP.buffer);
let top = 8; // keep offset 0 unused, as in WASM

export function ld(base: usize, i: i32): f64 {
  return HEAP[base / 8 + i];
}

export function st(base: usize, i: i32, v: f64): void {
  HEAP[base / 8 + i] = v;
}

export function ldi(base: usize, i: i32): i32 {
  return HEAP32[base / 4 + i];
}

export function sti(base: usize, i: i32, v: i32): void {
  HEAP32[base / 4 + i] = v;
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
    HEAP32 = new Int32Array(HEAP.buffer);
  }
  return start;
}

/** The heap itself, for the JS wrapper to read and write buffers. */
export function heapView(): Float64Array {
  return HEAP;
}

/** The same heap as 32-bit integers (word i at byte offset 4 i). */
export function heap32View(): Int32Array {
  return HEAP32;
}
