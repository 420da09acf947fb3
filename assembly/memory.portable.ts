// Portable (plain JavaScript) twin of memory.ts: a growable Float64Array heap with a bump allocator.
let HEAP = new Float64Array(1 << 16);
let top = 8; // keep offset 0 unused, as in WASM

export function ld(base: usize, i: i32): f64 {
  return HEAP[base / 8 + i];
}

export function st(base: usize, i: i32, v: f64): void {
  HEAP[base / 8 + i] = v;
}

export function allocate(count: i32): usize {
  const start = top;
  top += count * 8;
  if (top / 8 > HEAP.length) {
    const grown = new Float64Array(Math.max(HEAP.length * 2, top / 8 + 1024));
    grown.set(HEAP);
    HEAP = grown;
  }
  return start;
}

/** The heap itself, for the JS wrapper to read and write buffers. */
export function heapView(): Float64Array {
  return HEAP;
}
