import type { BadInputRow } from './types.js';

const g = ['--gamma', '175'];
export const rows: BadInputRow[] = [
  { args: [], stderr: /--gamma is required/ },
  { args: ['--gamma', '0'], stderr: /--gamma must lie in/ },
  { args: ['--gamma', 'NaN'] },
  { args: [...g, '--z', '6,8'], stderr: /--z must be 3 comma-separated integer charges/ },
  { args: [...g, '--z', '6,8,8.5'], stderr: /--z must be 3 comma-separated integer charges/ },
  { args: [...g, '--z', '8,6,10'], stderr: /non-decreasing/ },
  { args: [...g, '--z', '6,6,6'], stderr: /not all equal/ },
  { args: [...g, '--model', 'foo'], stderr: /--model must be one of/ },
  { args: [...g, '--grid', '2'], stderr: /--grid must be an integer/ },
  { args: [...g, '--tie-lines', '-1'], stderr: /--tie-lines must be an integer/ },
  { args: [...g, '--trace', '2'], stderr: /--trace values must lie in/ },
  { args: [...g, '--force'], stderr: /--force applies only with --svg/ },
  { args: [...g, '--svg', 'package.json'], stderr: /exists; use --force/ },
  { args: [...g, '--json', '--csv'], stderr: /choose one of --json and --csv/ },
  { args: [...g, '--quiet', '--quiet'], stderr: /more than once/ },
  { args: [...g, '--bogus'] },
];
