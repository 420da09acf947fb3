import { createProgress as createBar } from '../util/progressBar.js';

/**
 * Progress reporting of `coulomix reproduce` on stderr (stdout stays clean): one bar per
 * step, drawn by the shared src/util/progressBar.ts (redrawn in place on a terminal, a few
 * plain lines otherwise), plus one-line notes.
 */
export interface ProgressSink {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface Bar {
  /** Set the number of completed units (0..total). */
  update(done: number): void;
  /** Finish the bar with an optional note. */
  done(note?: string): void;
}

export interface Progress {
  bar(label: string, total: number): Bar;
  /** A one-line message. */
  note(message: string): void;
}

/** Progress on `sink` (default process.stderr); `quiet` writes nothing. */
export function createProgress(sink: ProgressSink = process.stderr, quiet = false): Progress {
  return {
    note(message) {
      if (!quiet) sink.write(`${message}\n`);
    },
    bar(label, total) {
      const b = createBar(label.padEnd(36), total, { stream: sink, silent: quiet });
      return { update: (d) => b.update(d), done: (note) => b.done(note) };
    },
  };
}
