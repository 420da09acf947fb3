/**
 * A small progress bar on stderr (never stdout, so piped JSON/CSV stays clean).
 * In a TTY it redraws one line in place; otherwise it prints a few plain lines
 * (start, every 25 %, done), so logs stay short.
 */
export interface ProgressOptions {
  /** Stream to write to (default process.stderr). */
  stream?: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean; columns?: number };
  /** Force TTY or plain mode (default: stream.isTTY). */
  tty?: boolean;
  /** Minimum milliseconds between TTY redraws (default 100). */
  throttleMs?: number;
  /** Suppress all output (e.g. --quiet). */
  silent?: boolean;
}

export interface Progress {
  /** Set the number of finished units (0..total). */
  update(done: number, detail?: string): void;
  /** Add one finished unit. */
  tick(detail?: string): void;
  /** Finish the bar (prints the final state and a newline). */
  done(detail?: string): void;
}

function fmtTime(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean((stream as { isTTY?: boolean }).isTTY);
  const throttle = options.throttleMs ?? 100;
  const silent = options.silent ?? false;
  const start = Date.now();
  let n = 0;
  let lastDraw = 0;
  let lastQuarter = -1;
  let finished = false;

  const line = (detail?: string): string => {
    const frac = total > 0 ? Math.min(1, n / total) : 1;
    const elapsed = Date.now() - start;
    const eta = frac > 0 && frac < 1 ? ` eta ${fmtTime((elapsed * (1 - frac)) / frac)}` : '';
    const pct = `${Math.floor(frac * 100)}`.padStart(3);
    const cols = (stream as { columns?: number }).columns ?? 80;
    const width = Math.max(10, Math.min(30, cols - label.length - 40));
    const filled = Math.round(frac * width);
    const bar = tty ? ` [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '';
    return `${label}${bar} ${pct}% ${n}/${total} ${fmtTime(elapsed)}${eta}${detail ? ` ${detail}` : ''}`;
  };

  const draw = (force: boolean, detail?: string): void => {
    if (silent) return;
    if (tty) {
      const now = Date.now();
      if (!force && now - lastDraw < throttle) return;
      lastDraw = now;
      stream.write(`\r\x1b[2K${line(detail)}`);
      return;
    }
    const quarter = total > 0 ? Math.floor((4 * n) / total) : 4;
    if (force || quarter > lastQuarter) {
      lastQuarter = quarter;
      stream.write(`${line(detail)}\n`);
    }
  };

  draw(true);
  return {
    update(done, detail) {
      if (finished) return;
      n = Math.max(0, Math.min(total, done));
      if (n >= total) return this.done(detail);
      draw(false, detail);
    },
    tick(detail) {
      this.update(n + 1, detail);
    },
    done(detail) {
      if (finished) return;
      finished = true;
      n = total;
      if (silent) return;
      if (tty) stream.write(`\r\x1b[2K${line(detail)}\n`);
      else if (lastQuarter < 4) stream.write(`${line(detail)}\n`);
    },
  };
}
