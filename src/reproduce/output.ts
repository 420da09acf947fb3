import { mkdir, readdir, readFile, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { DomainError } from '../errors.js';
import { toCsv, type FigureRow } from '../figures/render.js';
import { acquireLock, type Lock } from './lock.js';

/**
 * The result directory of `reproduce` and how it is kept safe (README, "Files are safe"):
 * - it is built in a hidden sibling `.<name>.partial-<pid>` and renamed into place only at the
 *   end, so an interrupted or failed run never leaves `<out>` looking complete;
 * - a finished directory carries the marker {@link MARKER} listing the files the run wrote; an
 *   existing `<out>` is replaced only if it is empty or carries the marker and holds nothing
 *   else; anything else is refused (DomainError, exit 2) unless `force`;
 * - a lock `.<name>.lock` next to `<out>` refuses a second concurrent run into the same folder;
 * - leftovers of a killed run (its lock, `.partial-<pid>` and `.old-<pid>` folders) are
 *   removed by the next run, which reports them; parent folders a failed run created go too.
 */
export interface Staging {
  /** Final directory. */
  out: string;
  /** Directory being written. */
  dir: string;
  file(name: string): string;
  writeText(name: string, text: string): Promise<void>;
  writeJson(name: string, value: unknown): Promise<void>;
  writeCsv(name: string, rows: readonly FigureRow[]): Promise<void>;
  /** Move the finished directory into place (replacing an earlier result directory). */
  commit(): Promise<void>;
  /** Remove the partial directory (and the parent folders this run created). */
  abort(): Promise<void>;
  /** Files written so far (relative names). */
  written: string[];
}

/** Marker file of a finished `reproduce` result: JSON {tool, version, files}. Only such a folder is replaced. */
export const MARKER = '.coulomix-reproduce.json';

/** Options of {@link stage}. */
export interface StageOptions {
  /** Replace `<out>` even if it is not (only) an earlier result (the CLI's --force). */
  force?: boolean;
  /** One-line notes for the user (leftovers removed); default: none. */
  onNote?: (message: string) => void;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Files of `out` that an earlier run did not write, or null if `out` is not a marked result. */
async function foreignFiles(out: string): Promise<string[] | null> {
  let listed: string[];
  try {
    const marker = JSON.parse(await readFile(join(out, MARKER), 'utf8')) as { files?: unknown };
    if (!Array.isArray(marker.files)) return null;
    listed = marker.files.map(String);
  } catch {
    return null;
  }
  return (await readdir(out)).filter((f) => f !== MARKER && !listed.includes(f));
}

/** Refuse an existing `out` that is not ours to replace (unless forced). */
async function checkReplaceable(out: string, outArg: string, force: boolean): Promise<void> {
  if (!(await exists(out))) return;
  if (!(await stat(out)).isDirectory()) throw new DomainError(`--out '${outArg}' exists and is not a directory`);
  if (force || (await readdir(out)).length === 0) return;
  const foreign = await foreignFiles(out);
  if (foreign === null) {
    throw new DomainError(`--out '${outArg}' is a non-empty folder that no earlier reproduce run wrote (no ${MARKER}); refusing to replace it (--force replaces it)`);
  }
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, and ${foreign.length - 3} more` : '');
    throw new DomainError(`--out '${outArg}' holds files that reproduce did not write (${shown}); refusing to replace it (move them, or --force)`);
  }
}

/**
 * Leftovers of killed runs into `out` (we hold the lock, so no live run owns them): partial
 * folders are removed; an `.old-<pid>` folder (killed between its two renames) is put back as
 * `out` if `out` is missing, else removed.
 */
async function cleanLeftovers(out: string, note: (m: string) => void): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  const pattern = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(partial|old)-(\\d+)$`);
  for (const entry of await readdir(parent)) {
    const m = pattern.exec(entry);
    if (!m) continue;
    const p = join(parent, entry);
    if (m[1] === 'old' && !(await exists(out))) {
      await rename(p, out);
      note(`restored ${out} from ${entry}, left by a reproduce run (pid ${m[2]}) that was killed while replacing it`);
    } else {
      await rm(p, { recursive: true, force: true });
      note(`removed ${entry}, left by a reproduce run (pid ${m[2]}) that was killed`);
    }
  }
}

/** Create `parent` (recursively); returns the folders created, deepest first. */
async function makeParents(parent: string, outArg: string): Promise<string[]> {
  let first: string | undefined;
  try {
    first = await mkdir(parent, { recursive: true });
    await access(parent, constants.W_OK);
  } catch {
    throw new DomainError(`--out '${outArg}' is not writable (cannot write in ${parent})`);
  }
  if (first === undefined) return [];
  const created = [first];
  for (const part of relative(first, parent).split(sep).filter(Boolean)) created.push(join(created[created.length - 1], part));
  return created.reverse();
}

function removeEmptyDirs(dirs: readonly string[]): void {
  for (const d of dirs) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty (someone else wrote there): keep it and its parents
    }
  }
}

/** Check `out`, take its lock, clean leftovers and create the staging directory; problems are a DomainError (exit 2). */
export async function stage(outArg: string, options: StageOptions = {}): Promise<Staging> {
  const out = resolve(outArg);
  const parent = dirname(out);
  const note = options.onNote ?? (() => undefined);
  if (out === parent) throw new DomainError(`--out '${outArg}' is a root folder; choose a folder below it`);
  // Refuse a file or a foreign folder before creating anything.
  await checkReplaceable(out, outArg, !!options.force);
  const createdParents = await makeParents(parent, outArg);
  let lock: Lock;
  try {
    lock = await acquireLock(join(parent, `.${basename(out)}.lock`), out, note);
  } catch (err) {
    removeEmptyDirs(createdParents);
    throw err;
  }
  const dir = join(parent, `.${basename(out)}.partial-${process.pid}`);
  // Synchronous clean-up for every way the process can end early (signals, process.exit on a
  // closed pipe): the partial folder, the lock, and the parent folders this run created.
  const cleanUp = (): void => {
    rmSync(dir, { recursive: true, force: true });
    lock.releaseSync();
    removeEmptyDirs(createdParents);
  };
  const onSignal = (sig: NodeJS.Signals): void => process.exit(sig === 'SIGINT' ? 130 : 143);
  const unhook = (): void => {
    process.off('exit', cleanUp);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', cleanUp);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await cleanLeftovers(out, note);
    await checkReplaceable(out, outArg, !!options.force); // a restored .old folder is checked too
    await mkdir(dir);
  } catch (err) {
    unhook();
    cleanUp();
    if (err instanceof DomainError) throw err;
    throw new DomainError(`--out '${outArg}' is not writable (cannot create ${dir})`);
  }
  const written: string[] = [];
  const file = (name: string) => join(dir, name);
  const writeText = async (name: string, text: string) => {
    await writeFile(file(name), text);
    if (!written.includes(name)) written.push(name);
  };
  return {
    out,
    dir,
    file,
    written,
    writeText,
    writeJson: (name, value) => writeText(name, `${JSON.stringify(value, null, 2)}\n`),
    writeCsv: (name, rows) => writeText(name, toCsv(rows)),
    async commit() {
      const files = (await readdir(dir)).filter((f) => f !== MARKER).sort();
      await writeFile(join(dir, MARKER), `${JSON.stringify({ tool: 'coulomix reproduce', files }, null, 2)}\n`);
      await checkReplaceable(out, out, !!options.force); // nothing was added to <out> meanwhile
      if (await exists(out)) {
        const old = join(parent, `.${basename(out)}.old-${process.pid}`);
        await rename(out, old);
        await rename(dir, out);
        await rm(old, { recursive: true, force: true });
      } else {
        await rename(dir, out);
      }
      unhook();
      lock.releaseSync();
    },
    async abort() {
      unhook();
      cleanUp();
    },
  };
}
