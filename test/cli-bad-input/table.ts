import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: ['--shells', '0'], stderr: /--shells must be an integer from 1 to 60/ },
  { args: ['--shells', '61'] },
  { args: ['--shells', '1.5'] },
  { args: ['--shells', 'abc'], stderr: /finite number/ },
  { args: ['--tol', '0'], stderr: /--tol must lie in \[1e-12, 0\.1\]/ },
  { args: ['--tol', '1e-300'], stderr: /--tol must lie in/ },
  { args: ['--tol', '1'] },
  { args: ['--tol', 'NaN'] },
  { args: ['--tol', '-1'] },
  { args: ['--tol'], stderr: /argument missing/ },
  { args: ['--threads', '0'] },
  { args: ['--threads', '256'], stderr: /--threads must be an integer from 1 to \d+/ },
  { args: ['--threads', '1.5'] },
  { args: ['--eta', '0.1'], stderr: /--eta must lie in \[0\.3, 3\]/ },
  { args: ['--eta', '5'] },
  { args: ['--json=1'], stderr: /does not take an argument/ },
  { args: ['--shells', '8', '--shells', '9'], stderr: /--shells is given more than once/ },
  { args: ['--frobnicate'], stderr: /Unknown option/ },
  { args: ['extra'], stderr: /unexpected argument 'extra'/ },
];
