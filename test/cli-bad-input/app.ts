import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: ['--port', '-1'], stderr: /--port/ },
  { args: ['--port', '65536'], stderr: /--port/ },
  { args: ['--port', '80.5'], stderr: /--port/ },
  { args: ['--port', 'x'], stderr: /--port/ },
  { args: ['--port', '5000', '--port', '5001'], stderr: /more than once/ },
  { args: ['--open=yes'] },
  { args: ['--bogus'] },
  { args: ['extra'], stderr: /unexpected argument 'extra'/ },
];
