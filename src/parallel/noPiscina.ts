/**
 * What `#piscina` (package.json "imports") resolves to under the "browser" condition: no
 * worker threads, so bundlers leave Piscina and its Node built-ins out. It is never
 * constructed there (pool.ts runs tasks in the calling thread outside Node); in a page, run
 * SRO sweeps on Web Workers with webWorkerRunner() (src/parallel/webWorkers.ts) instead.
 */
export class Piscina {
  constructor() {
    throw new Error('worker threads are not available in the browser build of coulomix (use threads: 1 or webWorkerRunner)');
  }
}
