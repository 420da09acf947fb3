import { mkdir, rename, rm, stat, writeFile, access } from 'node:fs/promises';
import { constants, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../errors.js';
import { toCsv, type FigureRow } from '../figures/render.js';

/**
 * The result directory is built in a hidden sibling `.<name>.partial-<pid>` and renamed into
 * place only at the end, so an interrupted or failed run never leaves `<out>` looking complete.
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
  /** Remove the partial directory. */
  abort(): Promise<void>;
  /** Files written so far (relative names). */
  written: string[];
}

/** Marker file proving a directory is a finished `reproduce` result (and may be replaced). */
export const MARKER = 'summary.json';

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Check `out` and create the staging directory; problems become a DomainError (exit 2). */
export async function stage(outArg: string): Promise<Staging> {
  const out = resolve(outArg);
  const parent = dirname(out);
  if (await exists(out)) {
    const s = await stat(out);
    if (!s.isDirectory()) throw new DomainError(`--out '${outArg}' exists and is not a directory`);
    if (!(await exists(join(out, MARKER)))) {
      const { readdir } = await import('node:fs/promises');
      if ((await readdir(out)).length > 0) {
        throw new DomainError(`--out '${outArg}' is a non-empty directory that is not an earlier reproduce result; refusing to replace it`);
      }
    }
  }
  try {
    await mkdir(parent, { recursive: true });
    await access(parent, constants.W_OK);
  } catch {
    throw new DomainError(`--out '${outArg}' is not writable (cannot write in ${parent})`);
  }
  const dir = join(parent, `.${basename(out)}.partial-${process.pid}`);
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
  } catch {
    throw new DomainError(`--out '${outArg}' is not writable (cannot create ${dir})`);
  }
  // Ctrl-C / kill: remove the partial directory before exiting (exit code 130 / 143).
  const onSignal = (sig: NodeJS.Signals) => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } finally {
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unhook = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
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
      unhook();
      if (await exists(out)) {
        const old = join(parent, `.${basename(out)}.old-${process.pid}`);
        await rename(out, old);
        await rename(dir, out);
        await rm(old, { recursive: true, force: true });
      } else {
        await rename(dir, out);
      }
    },
    async abort() {
      unhook();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
