import type { LatticeSums } from '../latticeSums/types.js';
import type { Fig3Row } from './fig3Data.js';
import { mcFigures, MC_FIGURES } from './mcFigures.js';
import { mcSectionMarkdown } from './mcReport.js';
import { mcStudy, mcStudyConfig, type McLevel, type McStudyResult } from './mcStudy.js';
import type { Staging } from './output.js';
import type { Progress } from './progress.js';

/** Files the Monte Carlo section writes. */
export const MC_FILES = ['mc-x0.5.csv', 'mc-solidus.csv', ...MC_FIGURES.flatMap((f) => [`${f}.svg`, `${f}.csv`])] as const;

/**
 * The Monte Carlo section of `reproduce`: runs the study of `level`, writes its CSVs and
 * figures into the staging directory and returns its data and its REPORT.md markdown.
 */
export async function mcSection(
  level: McLevel, st: Staging,
  o: { z1: number; z2: number; threads: number; gamma1m: number; sums: LatticeSums; crystalGammas: number[]; fig3: readonly Fig3Row[]; progress: Progress },
): Promise<{ result: McStudyResult; markdown: string }> {
  const result = await mcStudy(mcStudyConfig(level), o);
  await st.writeCsv('mc-x0.5.csv', result.sizes.flatMap(({ run, cmp }) => run.rows.map((w, j) => ({
    L: run.L, gamma: w.gamma, u: w.u, uError: w.uError, f: w.f, fError: w.fError, s: w.s, sError: w.sError,
    b2: w.b2, binder: w.binder, driftZ: w.driftZ, sMaxOverN: w.sMax / run.N, kx: w.kStar[0], ky: w.kStar[1], kz: w.kStar[2],
    fSro: cmp[j].sro?.f, sSro: cmp[j].sro?.s, fRandom: cmp[j].fRandom, sA4: cmp[j].sA4, eq4: cmp[j].eq4,
    ...Object.fromEntries(w.alpha.map((a, i) => [`alpha${i + 1}`, a])),
    ...Object.fromEntries(w.alphaError.map((a, i) => [`alphaError${i + 1}`, a])),
  }))));
  await st.writeCsv('mc-solidus.csv', result.solidus.flatMap((r) => r.points.map((p) => ({ gamma: r.gamma, ...p, xSolidSro: r.xSolidSro, xSolidMc: r.xSolidMc }))));
  await mcFigures(result, o.fig3, st.file);
  st.written.push(...MC_FILES);
  return { result, markdown: mcSectionMarkdown(result, o.gamma1m) };
}
