import type { BadInputRow } from './types.js';

const at = ['--x', '0.5', '--gamma', '175'];
export const rows: BadInputRow[] = [
  { args: at, stderr: /--model is required/ },
  { args: ['--model', 'foo', ...at], stderr: /--model must be one of random, ogata, ogata-smixz, mc2010, sro, liquid, mc2010-liquid/ },
  { args: ['--model', 'ogata', '--gamma', '175'], stderr: /--x is required/ },
  { args: ['--model', 'ogata', '--x', '0.5'], stderr: /--gamma is required/ },
  { args: ['--model', 'ogata', '--x', '0', '--gamma', '175'] },
  { args: ['--model', 'liquid', '--x', '1e-300', '--gamma', '175'] },
  { args: ['--model', 'random', '--x', '0.5', '--gamma', '1e200'], stderr: /--gamma must lie in \[1, 10000\]/ },
  { args: ['--model', 'random', '--x', '0.5', '--gamma', '5e-324'] },
  { args: ['--model', 'liquid', ...at, '--z2', '1e300'], stderr: /--z2 must be an integer from 1 to 100/ },
  { args: ['--model', 'ogata', ...at, '--z1', '6.5'] },
  { args: ['--model', 'ogata', ...at, '--z1', '8', '--z2', '8'] },
  { args: ['--model', 'ogata', ...at, '--shells', '8'], stderr: /--shells applies only to --model random or sro/ },
  { args: ['--model', 'random', ...at, '--shells', '31'] },
  { args: ['--model', 'sro', ...at, '--shells', '13'], stderr: /--shells must be an integer from 1 to 12/ },
  { args: ['--model', 'random', ...at, '--liquid-fit', 'ds99'], stderr: /--liquid-fit applies only to --model liquid/ },
  { args: ['--model', 'sro', ...at, '--anharmonic', 'bc22'], stderr: /--anharmonic applies only to --model liquid/ },
  { args: ['--model', 'ogata', ...at, '--liquid-mixing', 'smixz'], stderr: /--liquid-mixing applies only to --model liquid/ },
  { args: ['--model', 'liquid', ...at, '--liquid-mixing', 'foo'], stderr: /--liquid-mixing must be smixz or smix/ },
  { args: ['--model', 'liquid', ...at, '--liquid-fit', 'foo'] },
  { args: ['--model', 'liquid', ...at, '--anharmonic', 'foo'] },
  { args: ['--model', 'ogata', ...at, '--json=1'] },
  { args: ['--model', 'ogata', '--model', 'random', ...at], stderr: /--model is given more than once/ },
];
rows.push(
  { args: ['--model', 'mc2010', ...at, '--shells', '8'], stderr: /--shells applies only to --model random or sro/ },
  { args: ['--model', 'mc2010-liquid', ...at, '--liquid-mixing', 'smixz'], stderr: /--liquid-mixing applies only to --model liquid/ },
);
