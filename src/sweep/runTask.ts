import { spawn } from 'node:child_process';

/** The outcome of one task run as a child process. */
export type TaskOutcome =
  | { ok: true; result: unknown; seconds: number }
  | { ok: false; interrupted: boolean; exitCode: number | null; signal: string | null; message: string; stderr: string[]; seconds: number };

/** How many trailing lines of a failed task's stderr are kept in its failure record. */
const STDERR_LINES = 20;

function lastLines(text: string, n: number): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '').slice(-n);
}

function parseResult(stdout: string): { ok: true; result: unknown } | { ok: false; message: string } {
  const text = stdout.trim();
  try {
    const result = JSON.parse(text) as unknown;
    if (typeof result === 'object' && result !== null && !Array.isArray(result)) return { ok: true, result };
  } catch {
    /* reported below */
  }
  return { ok: false, message: `the command exited 0 but its output is not one JSON object (${text.length} characters)` };
}

/**
 * Run `node CLI COMMAND ...argv --json` as a child process and collect its JSON result.
 * A child process isolates every task: a crash, a hang (timeoutMs), a stray process.exit or
 * exhausted memory ends that task only, and no cache or worker pool is shared between tasks,
 * so a result is exactly what the command prints when run by hand.
 *
 * @param cli path of dist/cli/main.js
 * @param timeoutMs kill the task after this long (SIGTERM, then SIGKILL 5 s later); 0 = none
 * @param signal aborting it kills the child; the outcome is then `interrupted`
 * @example await runTask('dist/cli/main.js', 'melt', ['--anharmonic=fh93'])
 */
export function runTask(cli: string, command: string, argv: string[], timeoutMs = 0, signal?: AbortSignal): Promise<TaskOutcome> {
  const t0 = performance.now();
  return new Promise((resolveOutcome) => {
    const child = spawn(process.execPath, [cli, command, ...argv, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    let settleWait = false;
    let killer: NodeJS.Timeout | undefined;
    const kill = (): void => {
      child.kill('SIGTERM');
      killer ??= setTimeout(() => child.kill('SIGKILL'), 5000);
    };
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), kill()), timeoutMs) : undefined;
    const onAbort = (): void => kill();
    signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString('utf8')).slice(-16384);
    });
    const finish = (code: number | null, sig: NodeJS.Signals | null, spawnError?: Error): void => {
      clearTimeout(timer);
      clearTimeout(killer);
      signal?.removeEventListener('abort', onAbort);
      const seconds = (performance.now() - t0) / 1000;
      const stderr = lastLines(err, STDERR_LINES);
      if (code === 0 && !spawnError && !signal?.aborted) {
        const parsed = parseResult(Buffer.concat(out).toString('utf8'));
        if (parsed.ok) return resolveOutcome({ ok: true, result: parsed.result, seconds });
        return resolveOutcome({ ok: false, interrupted: false, exitCode: 0, signal: null, message: parsed.message, stderr, seconds });
      }
      // Killed by a termination signal at the moment this sweep itself was asked to stop (SLURM
      // signals every process of the job): give the sweep's own handler a moment to mark it.
      if (sig && ['SIGTERM', 'SIGINT', 'SIGHUP'].includes(sig) && !timedOut && signal && !signal.aborted && !settleWait) {
        settleWait = true;
        return void setTimeout(() => finish(code, sig, spawnError), 300);
      }
      const last = stderr.at(-1)?.replace(/^coulomix: /, '');
      const message = spawnError
        ? `could not start ${process.execPath}: ${spawnError.message}`
        : timedOut
          ? `killed after the task timeout of ${timeoutMs / 1000} s`
          : sig
            ? `killed by ${sig}${last ? ` (${last})` : ''}`
            : (last ?? `exit code ${code}`);
      resolveOutcome({ ok: false, interrupted: Boolean(signal?.aborted), exitCode: code, signal: sig, message, stderr, seconds });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, sig) => finish(code, sig));
  });
}
