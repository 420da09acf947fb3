import { DomainError } from '../errors.js';
import { validateMixture } from '../mixture/composition.js';
import { SOLID_MODELS, type SolidModelName } from './modelCurves.js';

/** The inputs of a phase diagram as a form or a URL gives them (the scan of phaseDiagram / sroPhaseDiagram). */
export interface PhaseDiagramInput {
  z1: number;
  z2: number;
  models: string[];
  gammaMin: number;
  gammaMax: number;
  gammaStep: number;
  /** Step of the SRO x grid (sroGrid), in (0, 0.01]. */
  xStep: number;
  /** Liquid ideal-mixing term; undefined = the library's default. */
  liquidMixing?: string;
}

/** A {@link DomainError} that names the input it is about (a form can show it next to that field). */
export class InputError extends DomainError {
  override name = 'DomainError';
  constructor(
    readonly field: keyof PhaseDiagramInput,
    message: string,
  ) {
    super(message);
  }
}

/** Largest number of scan Gammas accepted (as the CLI: more is a typo, not a diagram). */
export const MAX_SCAN_GAMMAS = 100000;

const finite = (field: keyof PhaseDiagramInput, v: number): void => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(field, `${field} must be a finite number, got ${v}`);
};

/**
 * Every problem of a phase-diagram input, one {@link InputError} per offending field
 * (empty: the input is accepted). Charges as validateMixture (0 < z1 < z2), models from
 * sro, random, ogata, ogata-smixz (at least one), 0 < gammaMin < gammaMax, gammaStep > 0 with
 * at most MAX_SCAN_GAMMAS Gammas, 0 < xStep <= 0.01, liquidMixing smix or smixz.
 *
 * @example phaseDiagramInputErrors({ z1: 8, z2: 6, ... })[0].message // 'z1 must be smaller than z2, got z1 = 8, z2 = 6'
 */
export function phaseDiagramInputErrors(input: PhaseDiagramInput): InputError[] {
  const errors: InputError[] = [];
  const check = (field: keyof PhaseDiagramInput, f: () => void): void => {
    try {
      f();
    } catch (err) {
      if (err instanceof InputError) errors.push(err);
      else if (err instanceof DomainError) errors.push(new InputError(field, err.message));
      else throw err;
    }
  };
  check('z1', () => {
    finite('z1', input.z1);
    if (!(input.z1 > 0)) throw new InputError('z1', `z1 must be positive, got ${input.z1}`);
  });
  check('z2', () => {
    finite('z2', input.z2);
    // The library's own check of a mixture (0 < z1 < z2).
    if (input.z1 > 0) validateMixture({ z1: input.z1, z2: input.z2, x: 0.5 });
  });
  check('models', () => {
    if (input.models.length === 0) throw new InputError('models', `choose at least one model of ${SOLID_MODELS.join(', ')}`);
    const bad = input.models.find((m) => !SOLID_MODELS.includes(m as SolidModelName));
    if (bad !== undefined) throw new InputError('models', `model must be one of ${SOLID_MODELS.join(', ')}, got '${bad}'`);
  });
  check('gammaMin', () => {
    finite('gammaMin', input.gammaMin);
    if (!(input.gammaMin > 0)) throw new InputError('gammaMin', `gammaMin must be positive, got ${input.gammaMin}`);
  });
  check('gammaMax', () => {
    finite('gammaMax', input.gammaMax);
    if (!(input.gammaMax > input.gammaMin)) {
      throw new InputError('gammaMax', `gammaMax must exceed gammaMin, got ${input.gammaMax} <= ${input.gammaMin}`);
    }
  });
  check('gammaStep', () => {
    finite('gammaStep', input.gammaStep);
    if (!(input.gammaStep > 0)) throw new InputError('gammaStep', `gammaStep must be positive, got ${input.gammaStep}`);
    if ((input.gammaMax - input.gammaMin) / input.gammaStep > MAX_SCAN_GAMMAS) {
      throw new InputError('gammaStep', `gammaStep too small: more than ${MAX_SCAN_GAMMAS} Gamma values`);
    }
  });
  check('xStep', () => {
    finite('xStep', input.xStep);
    if (!(input.xStep > 0 && input.xStep <= 0.01)) throw new InputError('xStep', `xStep must lie in (0, 0.01], got ${input.xStep}`);
  });
  check('liquidMixing', () => {
    const m = input.liquidMixing;
    if (m !== undefined && m !== 'smix' && m !== 'smixz') throw new InputError('liquidMixing', `liquidMixing must be smix or smixz, got '${m}'`);
  });
  return errors;
}
