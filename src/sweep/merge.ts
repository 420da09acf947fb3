import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomicFile.js';
import { claimIsStale, readClaim, type ClaimInfo } from './claims.js';
import { readFailure, readTaskList, resultPath, sweepPaths, type FailureRecord, type TaskList } from './sweepDir.js';

type Entry = TaskList['tasks'][number] & { index: number };

/** What merge found: tasks without a result (missing, failed, or being computed now). */
export interface MergeReport {
  total: number;
  /** Tasks with no result and no failure record; `running` if a live sweep holds them. */
  missing: Array<Entry & { running?: ClaimInfo }>;
  failed: Array<Entry & { failure: FailureRecord }>;
  /** DIR/results.jsonl if it was written (every task has a result). */
  written?: string;
  gridNames: string[];
}

function readResultLine(dir: string, task: Entry): string | undefined {
  let text: string;
  try {
    text = readFileSync(resultPath(dir, task.id), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const r = JSON.parse(text) as { id?: string };
    if (r.id === task.id && text.endsWith('\n') && text.indexOf('\n') === text.length - 1) return text;
  } catch {
    /* not a result file of ours: treated as missing */
  }
  return undefined;
}

/**
 * Check that every task of the sweep in DIR has a result and, if so, write DIR/results.jsonl:
 * one line per task in task order, {"id", "flags", "result"}. The file depends only on the
 * result files, so a sweep run in shards (on SLURM) merges to the same bytes as one run on one
 * machine. If any task has no result nothing is written and the report lists them.
 *
 * @example const r = mergeSweep('out'); if (r.written) console.log(r.written)
 */
export function mergeSweep(dir: string): MergeReport {
  const list = readTaskList(dir);
  const report: MergeReport = { total: list.tasks.length, missing: [], failed: [], gridNames: list.gridNames };
  const lines: string[] = [];
  list.tasks.forEach((t, index) => {
    const entry = { ...t, index };
    const line = readResultLine(dir, entry);
    if (line !== undefined) return void lines.push(line);
    const failure = readFailure(dir, t.id);
    if (failure) return void report.failed.push({ ...entry, failure });
    const claim = readClaim(dir, t.id);
    report.missing.push(claim && !claimIsStale(claim) ? { ...entry, running: claim } : entry);
  });
  if (report.missing.length === 0 && report.failed.length === 0) {
    const path = sweepPaths(dir).merged;
    writeFileAtomic(path, lines.join(''));
    report.written = path;
  }
  return report;
}
