import type { BadInputRow } from './types.js';

const base = ['no-such-spec.json', '--out', 'no-such-sweep-dir'];
export const rows: BadInputRow[] = [
  { args: [], stderr: /SPEC\.json is required/ },
  { args: ['--out', 'd'], stderr: /SPEC\.json is required/ },
  { args: ['no-such-spec.json'], stderr: /--out DIR is required/ },
  { args: base, stderr: /cannot read no-such-spec\.json/ },
  { args: [...base, '--out', 'e'], stderr: /--out is given more than once/ },
  { args: [...base, '--threads', '0'] },
  { args: [...base, '--shard', '3/2'], stderr: /--shard must be I\/N/ },
  { args: [...base, '--task-timeout', '-1'] },
  { args: [...base, '--array-size', '0'], stderr: /--array-size needs --slurm/ },
  { args: [...base, '--cpus-per-task', '2'], stderr: /needs --slurm/ },
  { args: [...base, '--partition'], stderr: /argument missing/ },
  { args: [...base, '--time'], stderr: /argument missing/ },
  { args: [...base, '--submit'], stderr: /--submit needs --slurm/ },
  { args: [...base, '--quiet=1'] },
  { args: [...base, '--slurm=1'] },
  { args: [...base, '--json'], stderr: /Unknown option '--json'/ },
];
