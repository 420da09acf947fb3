import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: ['--threads', '0'] },
  { args: ['--mc', 'huge'], stderr: /--mc must be coarse or full/ },
  { args: ['--threads', '256'], stderr: /--threads must be an integer from 1 to/ },
  { args: ['--threads', 'two'] },
  { args: ['--out', ''], stderr: /--out must not be empty/ },
  { args: ['--out', 'a', '--out', 'b'], stderr: /--out is given more than once/ },
  { args: ['--quick', '--tiny'], stderr: /exclude each other/ },
  { args: ['--quick=1'] },
  { args: ['--quiet=1'] },
  { args: ['--force=1'] },
  { args: ['--bogus'] },
  { args: ['--out', 'x', 'extra'] },
];
