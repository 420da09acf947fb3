import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { DomainError } from '../errors.js';

/** A held lock file; released once (the exit handler may call releaseSync again: no-op). */
export interface Lock {
  path: string;
  releaseSync(): void;
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function readInfo(path: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? { pid: v.pid, host: v.host, started: String(v.started ?? '?') } : null;
  } catch {
    return null;
  }
}

/**
 * Take the lock file `path` (created exclusively, holding {pid, host, started}) for writing
 * `out`. A lock of a live process is a DomainError (a second concurrent run is refused); the
 * lock of a process that no longer exists on this host is stale: it is removed, with a note.
 *
 * @example const lock = await acquireLock('/tmp/.results.lock', '/tmp/results', console.error); lock.releaseSync();
 */
export async function acquireLock(path: string, out: string, note: (m: string) => void): Promise<Lock> {
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await open(path, 'wx');
      try {
        await fh.writeFile(`${JSON.stringify(me)}\n`);
      } finally {
        await fh.close();
      }
      let held = true;
      return {
        path,
        releaseSync() {
          if (!held) return;
          held = false;
          try {
            // Only our own lock (a stale-lock clean-up by another run may have replaced it).
            if ((JSON.parse(readFileSync(path, 'utf8')) as LockInfo).pid === me.pid) unlinkSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new DomainError(`cannot create the lock ${path}: ${(err as Error).message}`);
    }
    const other = await readInfo(path);
    // An unreadable lock younger than 10 s is a run that is just writing it.
    const fresh = other === null && (await stat(path).then((st) => Date.now() - st.mtimeMs < 10_000, () => false));
    if (fresh) throw new DomainError(`another reproduce run is starting to write ${out}; refusing a second one (if none runs, delete ${path})`);
    if (other && (other.host !== me.host || alive(other.pid))) {
      throw new DomainError(
        `another reproduce run (pid ${other.pid} on ${other.host}, started ${other.started}) is writing ${out}; ` +
          `refusing a second one (if no such run exists, delete ${path})`,
      );
    }
    // Stale (its process is gone) or unreadable: remove it and try again.
    await unlink(path).catch(() => undefined);
    note(`removed the lock ${path} of a reproduce run${other ? ` (pid ${other.pid}, started ${other.started})` : ''} that no longer runs`);
  }
  throw new DomainError(`cannot take the lock ${path} (it keeps reappearing)`);
}
