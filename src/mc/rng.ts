/**
 * A small seeded generator for the bookkeeping side of the Monte Carlo (initial arrangements,
 * per-replica kernel seeds, replica swaps): splitmix32 on int32 arithmetic, so a run is
 * reproducible from its seed on any platform. The move kernel has its own xoshiro128**
 * (assembly/mc.ts), seeded from this one.
 *
 * @example const r = new SplitMix32(1); r.next(); r.uniform() // in [0, 1)
 */
export class SplitMix32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** The next 32-bit output as an unsigned integer. */
  next(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Four int32 words for the kernel's xoshiro128** (never all zero). */
  kernelState(): Int32Array {
    const s = new Int32Array(4);
    for (let i = 0; i < 4; i++) s[i] = this.next() | 0;
    if (s[0] === 0 && s[1] === 0 && s[2] === 0 && s[3] === 0) s[0] = 1;
    return s;
  }
}

/** A generator for stream `stream` of `seed` (independent seeds per replica slot). */
export function streamOf(seed: number, stream: number): SplitMix32 {
  const g = new SplitMix32(seed ^ Math.imul(stream + 1, 0x27d4eb2d));
  g.next();
  return g;
}
