import type { BadInputRow } from './types.js';

export const rows: BadInputRow[] = [
  { args: ['--x3', '0'], stderr: /--x3 must lie in/ },
  { args: ['--x3', '0.6'], stderr: /--x3 must lie in/ },
  { args: ['--z', '6,8'], stderr: /--z must be 3 comma-separated integer charges/ },
  { args: ['--z', '6,8,10.5'], stderr: /--z must be 3 comma-separated integer charges/ },
  { args: ['--model', 'foo'], stderr: /--model must be one of/ },
  { args: ['--points', '1'], stderr: /--points must be an integer/ },
  { args: ['--points', '1e9'], stderr: /--points must be an integer/ },
  { args: ['--force'], stderr: /--force applies only with --svg/ },
  { args: ['--svg', 'package.json'], stderr: /exists; use --force/ },
  { args: ['--json', '--csv'], stderr: /choose one of --json and --csv/ },
  { args: ['--quiet', '--quiet'], stderr: /more than once/ },
  { args: ['extra'], stderr: /unexpected argument 'extra'/ },
];
