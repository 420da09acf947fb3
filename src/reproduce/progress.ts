/**
 * Progress bars on stderr for `coulomix reproduce` (stdout stays clean). On a terminal one
 * line is redrawn in place; otherwise (pipes, CI, tests) a line is written at the start,
 * at every 25% and at the end of each step, so logs stay short.
 */
export interface ProgressSink {
  write(s: string): void;
  isTTY?: boolean;
}

export interface Bar {
  /** Set the number of completed units (0..total). */
  update(done: number): void;
  /** Finish the bar with an optional note (e.g. the time taken). */
  done(note?: string): void;
}

export interface Progress {
  bar(label: string, total: number): Bar;
  /** A one-line message. */
  note(message: string): void;
}

const WIDTH = 28;

function fmtTime(s: number): string {
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** Progress on `sink` (default process.stderr); `quiet` writes nothing. */
export function createProgress(sink: ProgressSink = process.stderr, quiet = false): Progress {
  const tty = !!sink.isTTY;
  return {
    note(message) {
      if (!quiet) sink.write(`${message}\n`);
    },
    bar(label, total) {
      const t0 = performance.now();
      let lastQuarter = -1;
      let finished = false;
      const draw = (done: number) => {
        const frac = total > 0 ? Math.min(1, done / total) : 1;
        const filled = Math.round(frac * WIDTH);
        const elapsed = (performance.now() - t0) / 1000;
        const eta = frac > 0 && frac < 1 ? `, ~${fmtTime((elapsed * (1 - frac)) / frac)} left` : '';
        return `${label.padEnd(36)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${fmtTime(elapsed)}${eta}`;
      };
      const bar: Bar = {
        update(done) {
          if (quiet || finished) return;
          if (tty) {
            sink.write(`\r${draw(done)}\x1b[K`);
          } else {
            const q = total > 0 ? Math.floor((4 * done) / total) : 4;
            if (q > lastQuarter && q < 4) {
              lastQuarter = q;
              sink.write(`${draw(done)}\n`);
            }
          }
        },
        done(note) {
          if (quiet || finished) return;
          finished = true;
          const line = `${draw(total)}${note ? `  ${note}` : ''}`;
          sink.write(tty ? `\r${line}\x1b[K\n` : `${line}\n`);
        },
      };
      bar.update(0);
      return bar;
    },
  };
}
