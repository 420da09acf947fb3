// Property-based tests of the public entry points (fast-check): random charges, x, Gamma and
// options, inside and outside the supported domain (src/domain.ts). Every call either returns
// finite (and, for the SRO solid, certified) results or throws the library's DomainError;
// inside the domain it never throws one.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { DOMAIN, DomainError, UncertifiedError } from '../src/index.js';
import { TABLE_I } from './tableIFixture.js';

afterAll(() => lib.closePool());

const inDomainX = fc.double({ min: DOMAIN.xMin, max: DOMAIN.xMax, noNaN: true });
const inDomainGamma = fc.double({ min: DOMAIN.gammaMin, max: DOMAIN.gammaMax, noNaN: true });
const charges = fc.integer({ min: DOMAIN.zMin, max: DOMAIN.zMax - 1 }).chain((z1) => fc.record({ z1: fc.constant(z1), z2: fc.integer({ min: z1 + 1, max: DOMAIN.zMax }) }));
/** Anything a caller might pass for a number: doubles of every size, NaN, infinities, strings, null, objects. */
const anyNumber = fc.oneof(
  fc.double(),
  fc.integer({ min: -200, max: 200 }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, 5e-324, 1e300, -1, 1.5, 0.999999999, 1e-200),
  fc.constantFrom('175', '', null, undefined, {}, [1], true),
);
const anyMixture = fc.record({ z1: anyNumber, z2: anyNumber, x: anyNumber }) as fc.Arbitrary<lib.Mixture>;

function inDomainMix(m: { z1: unknown; z2: unknown; x: unknown }, closed: boolean): boolean {
  const int = (z: unknown) => typeof z === 'number' && Number.isInteger(z) && z >= DOMAIN.zMin && z <= DOMAIN.zMax;
  const [lo, hi] = closed ? [0, 1] : [DOMAIN.xMin, DOMAIN.xMax];
  return int(m.z1) && int(m.z2) && (m.z1 as number) < (m.z2 as number) && typeof m.x === 'number' && m.x >= lo && m.x <= hi;
}
const inDomainGammaValue = (g: unknown) => typeof g === 'number' && g >= DOMAIN.gammaMin && g <= DOMAIN.gammaMax;

/** f() returns a value whose numbers are all finite, or throws a DomainError; `valid` says which is required. */
function finiteOrDomainError(f: () => unknown, valid: boolean): void {
  let r: unknown;
  try {
    r = f();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as Error).message).not.toContain('\n');
    expect(valid).toBe(false);
    return;
  }
  expect(valid).toBe(true);
  const nums = typeof r === 'number' ? [r] : Object.values(r as object).filter((v) => typeof v === 'number');
  for (const v of nums) expect(Number.isFinite(v)).toBe(true);
}

describe('property: the fixed models and the liquid', () => {
  const models: Array<[string, (m: lib.Mixture, g: number) => unknown]> = [
    ['randomSolid', (m, g) => lib.randomSolid(m, g, TABLE_I)],
    ['ogataSolid', (m, g) => lib.ogataSolid(m, g)],
    ['ogataSolid smixz', (m, g) => lib.ogataSolid(m, g, { entropy: 'smixz' })],
    ['liquidFreeEnergy', (m, g) => lib.liquidFreeEnergy(m, g)],
    ['liquidFreeEnergy smixz', (m, g) => lib.liquidFreeEnergy(m, g, { idealMixing: 'smixz' })],
  ];
  for (const [name, model] of models) {
    it(`${name}: any input -> finite result or DomainError`, () => {
      fc.assert(
        fc.property(anyMixture, anyNumber, (mix, gamma) =>
          finiteOrDomainError(() => model(mix, gamma as number), inDomainMix(mix, true) && inDomainGammaValue(gamma)),
        ),
        { numRuns: 400 },
      );
    });
    it(`${name}: the whole domain (charges 1..100, x, Gamma 1..1e4) gives finite results`, () => {
      fc.assert(
        fc.property(charges, inDomainX, inDomainGamma, ({ z1, z2 }, x, gamma) => finiteOrDomainError(() => model({ z1, z2, x }, gamma), true)),
        { numRuns: 300 },
      );
    });
  }

  it('unknown option keys and values are refused, not replaced by defaults', () => {
    const mix = { z1: 6, z2: 8, x: 0.5 };
    fc.assert(
      fc.property(fc.string().filter((k) => !['entropy'].includes(k)), fc.anything(), (key, value) => {
        expect(() => lib.ogataSolid(mix, 175, { [key]: value } as never)).toThrow(DomainError);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.anything().filter((v) => v !== undefined && v !== 'smix' && v !== 'smixz'), (value) => {
        expect(() => lib.ogataSolid(mix, 175, { entropy: value } as never)).toThrow(DomainError);
        expect(() => lib.liquidFreeEnergy(mix, 175, { idealMixing: value } as never)).toThrow(DomainError);
      }),
      { numRuns: 100 },
    );
  });
});

describe('property: mixture functions', () => {
  it('zMoment, meanZ, mixingEntropy(Z), madelungExcess, randomEnergy: finite or DomainError', () => {
    fc.assert(
      fc.property(anyMixture, anyNumber, (mix, p) => {
        const ok = inDomainMix(mix, true);
        finiteOrDomainError(() => lib.meanZ(mix), ok);
        finiteOrDomainError(() => lib.mixingEntropyZ(mix), ok);
        finiteOrDomainError(() => lib.randomEnergy(mix, TABLE_I), ok);
        finiteOrDomainError(() => lib.madelungExcess(mix, TABLE_I.zeta), ok);
        finiteOrDomainError(() => lib.zMoment(mix, p as number), ok && typeof p === 'number' && p >= -10 && p <= 10);
        finiteOrDomainError(() => lib.mixingEntropy(mix.x), typeof mix.x === 'number' && mix.x >= 0 && mix.x <= 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('property: the SRO solid', () => {
  it('any input -> finite certified result, DomainError, or (inside the domain) UncertifiedError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyMixture, fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 4 }), inDomainX).map(([z1, d, x]) => ({ z1, z2: z1 + d, x }))),
        fc.oneof(anyNumber, fc.double({ min: 1, max: 1000, noNaN: true })),
        fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 40 })),
        async (mix, gamma, shells) => {
          const valid = inDomainMix(mix, false) && inDomainGammaValue(gamma) && (shells === undefined || (shells >= 1 && shells <= 8));
          try {
            const r = await lib.sroSolid(mix, gamma as number, TABLE_I, { samplePoints: 20000, ...(shells === undefined ? {} : { shells }) });
            expect(valid).toBe(true);
            for (const v of [r.F, r.U, r.S, r.certificate, r.minDeltaK, ...r.alpha]) expect(Number.isFinite(v)).toBe(true);
            expect(r.certificate).toBeLessThanOrEqual(1e-10);
          } catch (err) {
            if (err instanceof UncertifiedError) expect(valid).toBe(true);
            else {
              expect(err).toBeInstanceOf(DomainError);
              expect(valid).toBe(false);
            }
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 120000);
});

describe('property: phase diagrams and lattice sums refuse what would hang or exhaust the memory', () => {
  const scan = fc.record({
    gammaMin: fc.oneof(anyNumber, fc.double({ min: 100, max: 200, noNaN: true })),
    gammaMax: fc.oneof(anyNumber, fc.double({ min: 100, max: 200, noNaN: true })),
    gammaStep: fc.oneof(anyNumber, fc.constantFrom(1e-9, 1e-3, 0.005)),
  });
  it('phaseDiagram: options outside the domain are a DomainError at once', async () => {
    await fc.assert(
      fc.asyncProperty(scan, fc.constantFrom('random', 'ogata', 'sro', 'nonsense', 3), async (s, model) => {
        const num = (v: unknown, lo: number, hi: number) => typeof v === 'number' && v >= lo && v <= hi;
        const [a, b, h] = [s.gammaMin as number, s.gammaMax as number, s.gammaStep as number];
        const valid = (model === 'random' || model === 'ogata') && num(a, 1, 1e4) && num(b, 1, 1e4) && a < b && num(h, 0.01, 100) && Math.floor((b - a) / h + 1e-9) + 1 <= 5000;
        fc.pre(!valid); // a valid scan would compute; only the refusals are checked here
        await expect(lib.phaseDiagram({ model, ...s } as never)).rejects.toThrow(DomainError);
      }),
      { numRuns: 200 },
    );
    await expect(lib.phaseDiagram({ model: 'random', gammaMin: 130, gammaMax: 181.5, gammaStep: 1e-9 })).rejects.toThrow(/gammaStep must lie in/);
    await expect(lib.phaseDiagram({ model: 'random', gammaMin: 1, gammaMax: 100, gammaStep: 0.01 })).rejects.toThrow(/at most 5000/);
    await expect(lib.phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 172, gammaStep: 1, solvus: { gammaMax: 1e100, gammaStep: 5 } })).rejects.toThrow(DomainError);
    await expect(lib.sroPhaseDiagram({ gammaMin: 170, gammaMax: 172, gammaStep: 1, xStep: 1e-9 })).rejects.toThrow(DomainError);
    await expect(lib.sroPhaseDiagram({ gammaMin: 170, gammaMax: 172, gammaStep: 1, threads: 256 })).rejects.toThrow(DomainError);
  });

  it('a valid fixed-model diagram is finite', async () => {
    const d = await lib.phaseDiagram({ model: 'random', gammaMin: 170, gammaMax: 172, gammaStep: 1, solvus: false });
    for (const r of d.rows) for (const v of [r.gamma, r.tOverT1m, r.xLiquid, r.xSolid]) expect(Number.isFinite(v)).toBe(true);
  });

  it('latticeSums and getLatticeSums: bad options are a DomainError (no minutes-long --tol 1e-300)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ shells: anyNumber, tol: fc.oneof(anyNumber, fc.constantFrom(1e-300, 1e-13)), threads: anyNumber }, { requiredKeys: [] }),
        async (o) => {
          const valid =
            (o.shells === undefined || (Number.isInteger(o.shells) && (o.shells as number) >= 1 && (o.shells as number) <= 60)) &&
            (o.tol === undefined || (typeof o.tol === 'number' && o.tol >= 1e-12 && o.tol <= 0.1)) &&
            (o.threads === undefined || (Number.isInteger(o.threads) && (o.threads as number) >= 1 && (o.threads as number) <= lib.maxThreads()));
          fc.pre(!valid);
          await expect(lib.latticeSums(o as never)).rejects.toThrow(DomainError);
        },
      ),
      { numRuns: 200 },
    );
    await expect(lib.getLatticeSums(0)).rejects.toThrow(DomainError);
    await expect(lib.getLatticeSums('8' as never)).rejects.toThrow(DomainError);
  });
});

describe('property: the low-level lattice entry points', () => {
  it('bccShells, shellCosineSums, inWedge, phononFrequencies, initKernels: bad arguments are a DomainError', async () => {
    fc.assert(
      fc.property(anyNumber, fc.oneof(fc.constant([0.1, 0.2, 0.3]), fc.array(anyNumber, { maxLength: 4 }), anyNumber), (n, k) => {
        const intOk = Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 60;
        finiteOrDomainError(() => lib.bccShells(n as number).length, intOk);
        const kOk = Array.isArray(k) && k.length === 3 && k.every((v) => typeof v === 'number' && Math.abs(v) <= 1e3);
        finiteOrDomainError(() => Array.from(lib.shellCosineSums(k as number[], 3))[0], kOk);
        finiteOrDomainError(() => lib.phononFrequencies(k as number[])[0], kOk);
      }),
      { numRuns: 200 },
    );
    await expect(lib.initKernels(42 as never)).rejects.toThrow(DomainError);
  });
});
