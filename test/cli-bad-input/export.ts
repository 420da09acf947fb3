import type { BadInputRow } from './types.js';

const co = ['--z1', '6', '--z2', '8'];
export const rows: BadInputRow[] = [
  { args: [], stderr: /name a format/ },
  { args: ['nosuch'], stderr: /unknown format 'nosuch'/ },
  { args: ['--bogus'], stderr: /unknown format '--bogus'/ },
  { args: ['mesa'], stderr: /--z1 is required/ },
  { args: ['mesa', '--bogus'] },
  { args: ['mesa', ...co, '--model', 'foo'], stderr: /--model must be one of/ },
  { args: ['mesa', '--z1', '8', '--z2', '6', '--model', 'random'], stderr: /--z1 must be smaller than --z2/ },
  { args: ['mesa', '--z1', '6.5', '--z2', '8', '--model', 'random'], stderr: /--z1 must be an integer/ },
  { args: ['mesa', ...co, '--model', 'random', '--a1', '0'], stderr: /--a1 must lie in/ },
  { args: ['mesa', ...co, '--model', 'random', '--a2', 'NaN'], stderr: /--a2 must be a finite number/ },
  { args: ['mesa', ...co, '--model', 'random', '--a1', '12', '--a1', '13'], stderr: /more than once/ },
  { args: ['mesa', ...co, '--model', 'random', '--threads', '2'], stderr: /--threads applies only to --model sro/ },
  { args: ['mesa', ...co, '--model', 'sro', '--threads', '0'], stderr: /--threads must be an integer/ },
  { args: ['mesa', ...co, '--model', 'random', '--json', 'x'], stderr: /unexpected argument 'x'/ },
  { args: ['mesa-ternary'], stderr: /--system must be one of/ },
  { args: ['mesa-ternary', '--system', 'XX', '--out', 'x'], stderr: /--system must be one of/ },
  { args: ['mesa-ternary', '--system', 'CONe'], stderr: /--out DIR is required/ },
  { args: ['mesa-ternary', '--system', 'CONe', '--out', 'x', '--n', '2'], stderr: /--n must be an integer/ },
  { args: ['mesa-ternary', '--system', 'CONe', '--out', 'x', '--model', 'foo'], stderr: /--model must be one of/ },
  { args: ['mesa-ternary', '--system', 'CONe', '--out', 'x', '--threads', '0'], stderr: /--threads must be an integer/ },
  { args: ['mesa-ternary', '--system', 'CONe', '--out', 'x', '--bogus'] },
];
