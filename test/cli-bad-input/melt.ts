import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: ['--liquid-fit', 'foo'], stderr: /--liquid-fit must be one of ds99, caillol99/ },
  { args: ['--anharmonic', 'bar'], stderr: /--anharmonic must be one of bc22, fh93/ },
  { args: ['--anharmonic'], stderr: /argument missing/ },
  { args: ['--json=1'], stderr: /does not take an argument/ },
  { args: ['--json', '--json'], stderr: /--json is given more than once/ },
  { args: ['--bogus'] },
  { args: ['extra'] },
];
