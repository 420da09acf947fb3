import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temporary name next to `path` (same directory, so a rename is atomic): `.NAME.tmp-HOST-PID-RANDOM`. */
export function tempPath(path: string): string {
  const host = hostname().replace(/[^A-Za-z0-9.-]/g, '_');
  return join(dirname(path), `.${basename(path)}.tmp-${host}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function writeTemp(path: string, text: string): string {
  const tmp = tempPath(path);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Write `text` to `path` atomically: a temporary file in the same directory, flushed to disk,
 * then renamed over `path`. Readers see the old file or the whole new one, never a part;
 * a process killed mid-write leaves only a hidden `.NAME.tmp-*` file.
 *
 * @example writeFileAtomic('out/results/a.json', '{"id":"a"}\n')
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = writeTemp(path, text);
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

/**
 * Create `path` with `text` only if it does not exist, atomically (a complete temporary file
 * hard-linked into place; the link fails if `path` exists). Returns false if it existed.
 *
 * @example createFileExclusive('out/tasks.json', text) // true the first time, then false
 */
export function createFileExclusive(path: string, text: string): boolean {
  const tmp = writeTemp(path, text);
  try {
    linkSync(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}
