import { DomainError } from '../errors.js';

/** One flag value: a number or string becomes `--flag=value`, true becomes `--flag`, false leaves the flag out. */
export type FlagValue = string | number | boolean;

/**
 * A parameter sweep: one command, fixed flags and a grid whose Cartesian product is the task list.
 *
 * @example {"command": "phase-diagram", "base": {"model": "random"}, "grid": {"z2": [8, 10]}}
 */
export interface SweepSpec {
  command: string;
  base: Record<string, FlagValue>;
  grid: Record<string, FlagValue[]>;
}

/** Largest task list a spec may give (the task list is held in memory and in tasks.json). */
export const MAX_TASKS = 100_000;

const FLAG_NAME = /^[a-z][a-z0-9-]*$/;
const TOP_KEYS = ['command', 'base', 'grid', 'description'];

/** The command-line form of a value: numbers as JavaScript prints them, strings as they are. */
export function flagText(v: FlagValue): string {
  return String(v);
}

function isFlagValue(v: unknown): v is FlagValue {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function checkName(source: string, where: string, name: string): void {
  if (name.startsWith('-')) throw new DomainError(`${source}: ${where} flag '${name}': write flag names without dashes ('${name.replace(/^-+/, '')}')`);
  if (!FLAG_NAME.test(name)) throw new DomainError(`${source}: ${where} flag '${name}' is not a flag name (lower-case letters, digits and '-')`);
}

function checkValue(source: string, where: string, v: unknown): FlagValue {
  if (!isFlagValue(v)) {
    throw new DomainError(`${source}: ${where} must be a number, a string or true/false, got ${JSON.stringify(v) ?? String(v)}`);
  }
  return v;
}

function objectField(source: string, raw: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = raw[key];
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new DomainError(`${source}: '${key}' must be an object of flags`);
  return v as Record<string, unknown>;
}

function parseGrid(source: string, rawGrid: Record<string, unknown>, base: Record<string, FlagValue>): Record<string, FlagValue[]> {
  const grid: Record<string, FlagValue[]> = {};
  const names = Object.keys(rawGrid);
  if (names.length === 0) throw new DomainError(`${source}: empty grid: give at least one flag with a list of values, e.g. "grid": {"z2": [8, 10]}`);
  let count = 1;
  for (const name of names) {
    checkName(source, 'grid', name);
    if (name in base) throw new DomainError(`${source}: flag '${name}' is in both 'base' and 'grid'`);
    const list = rawGrid[name];
    if (!Array.isArray(list)) throw new DomainError(`${source}: grid flag '${name}' must be a list of values`);
    if (list.length === 0) throw new DomainError(`${source}: empty grid: grid flag '${name}' has no values`);
    const seen = new Set<string>();
    grid[name] = list.map((v, i) => {
      const value = checkValue(source, `grid flag '${name}' value ${i + 1}`, v);
      const text = `${typeof value}:${flagText(value)}`.replace(/^number:/, 'string:');
      if (seen.has(text)) throw new DomainError(`${source}: grid flag '${name}' lists ${JSON.stringify(value)} twice`);
      seen.add(text);
      return value;
    });
    count *= list.length;
    if (count > MAX_TASKS) throw new DomainError(`${source}: the grid gives more than ${MAX_TASKS} tasks; split the sweep`);
  }
  return grid;
}

/**
 * Parse and check the structure of a sweep spec (JSON text). Flags are checked against the
 * command later (checkSpec in ./validate.ts). Throws a one-line DomainError naming `source`.
 *
 * @example parseSpec('{"command":"melt","grid":{"anharmonic":["bc22","fh93"]}}', 'spec.json')
 */
export function parseSpec(text: string, source: string): SweepSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DomainError(`${source}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError(`${source}: a sweep spec is a JSON object {"command", "base", "grid"}`);
  }
  const obj = raw as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !TOP_KEYS.includes(k));
  if (unknown.length > 0) throw new DomainError(`${source}: unknown key '${unknown[0]}' (a spec has ${TOP_KEYS.join(', ')})`);
  if (typeof obj.command !== 'string' || obj.command.trim() === '') throw new DomainError(`${source}: 'command' must name a coulomix command, e.g. "phase-diagram"`);
  if (obj.description !== undefined && typeof obj.description !== 'string') throw new DomainError(`${source}: 'description' must be a string`);
  const base: Record<string, FlagValue> = {};
  for (const [name, v] of Object.entries(objectField(source, obj, 'base'))) {
    checkName(source, 'base', name);
    base[name] = checkValue(source, `base flag '${name}'`, v);
  }
  if (obj.grid === undefined) throw new DomainError(`${source}: empty grid: the spec has no 'grid' (flags with lists of values)`);
  const grid = parseGrid(source, objectField(source, obj, 'grid'), base);
  return { command: obj.command, base, grid };
}
