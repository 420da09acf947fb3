// The progress bar lives in src/util/progressBar.ts (the library's reproduce job uses it too,
// and the library never imports from src/cli); the commands import it from here.
export { createProgress, type Progress, type ProgressOptions } from '../util/progressBar.js';
