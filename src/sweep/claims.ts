import { readFileSync, renameSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createFileExclusive } from './atomicFile.js';
import { sweepPaths } from './sweepDir.js';

/** Who holds a task: DIR/running/<id>.lock. */
export interface ClaimInfo {
  pid: number;
  host: string;
  started: string;
  token: string;
}

/** A claim older than this (no heartbeat) is stale, whatever host holds it (ms). */
export const STALE_MS = 120_000;
/** How often a live sweep refreshes the modification time of its claims (ms). */
export const HEARTBEAT_MS = 20_000;

/** True if `pid` is a live process on this host (a zombie counts as dead). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function lockPath(dir: string, id: string): string {
  return join(sweepPaths(dir).running, `${id}.lock`);
}

/** The current holder of a task, or undefined if no claim (or an unreadable one). */
export function readClaim(dir: string, id: string): (ClaimInfo & { ageMs: number }) | undefined {
  const path = lockPath(dir, id);
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as ClaimInfo;
    return { ...info, ageMs: Date.now() - statSync(path).mtimeMs };
  } catch {
    return undefined;
  }
}

/** A claim is stale if its process is gone (same host) or its heartbeat stopped (any host). */
export function claimIsStale(info: ClaimInfo & { ageMs: number }): boolean {
  if (info.ageMs > STALE_MS) return true;
  return info.host === hostname() && !pidAlive(info.pid);
}

/** A task this process holds: release() removes the claim. */
export interface Claim {
  id: string;
  token: string;
  release(): void;
}

const held = new Map<string, { path: string; token: string }>();
let heartbeat: NodeJS.Timeout | undefined;

function startHeartbeat(): void {
  if (heartbeat) return;
  heartbeat = setInterval(() => {
    const now = new Date();
    for (const { path } of held.values()) {
      try {
        utimesSync(path, now, now);
      } catch {
        /* removed by a takeover; the result is written atomically either way */
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
}

/**
 * Claim a task for this process: creates DIR/running/<id>.lock atomically (it fails if another
 * live sweep holds the task). A stale claim (dead process, or no heartbeat for STALE_MS) is
 * taken over. Returns the claim, or the holder's ClaimInfo if the task is held elsewhere.
 *
 * @example const c = claimTask(dir, id); if ('release' in c) { ...; c.release(); }
 */
export function claimTask(dir: string, id: string): Claim | ClaimInfo {
  const path = lockPath(dir, id);
  const token = randomBytes(8).toString('hex');
  const info: ClaimInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), token };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createFileExclusive(path, `${JSON.stringify(info)}\n`)) {
      held.set(id, { path, token });
      startHeartbeat();
      return { id, token, release: () => releaseClaim(id, token) };
    }
    const holder = readClaim(dir, id);
    if (holder && !claimIsStale(holder)) return holder;
    if (holder) {
      // Take the stale claim over: move it aside (only one process's rename succeeds) and retry.
      const aside = `${path}.stale-${process.pid}-${token}`;
      try {
        const again = readClaim(dir, id);
        if (again?.token !== holder.token) continue;
        renameSync(path, aside);
        unlinkSync(aside);
      } catch {
        /* another process took it over first */
      }
    }
  }
  return readClaim(dir, id) ?? info;
}

function releaseClaim(id: string, token: string): void {
  const h = held.get(id);
  if (!h || h.token !== token) return;
  held.delete(id);
  try {
    const current = JSON.parse(readFileSync(h.path, 'utf8')) as ClaimInfo;
    if (current.token === token) unlinkSync(h.path);
  } catch {
    /* already gone */
  }
  if (held.size === 0 && heartbeat) {
    clearInterval(heartbeat);
    heartbeat = undefined;
  }
}

/** Release every claim this process holds (on SIGTERM/SIGINT). */
export function releaseAllClaims(): void {
  for (const [id, h] of [...held]) releaseClaim(id, h.token);
}
