import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: [], stderr: /DIR is required/ },
  { args: ['a', 'b'], stderr: /unexpected argument 'b'/ },
  { args: ['--bogus'] },
  { args: ['/nonexistent-sweep-dir'], stderr: /is not a sweep directory/ },
];
