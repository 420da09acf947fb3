import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('layering', () => {
  it('the library never imports from src/cli (no import cycles with the CLI, no UsageError thrown by the library)', () => {
    const offenders = files(src)
      .filter((f) => !f.startsWith(join(src, 'cli')))
      .filter((f) => /from\s+'[^']*\/cli\/|import\('[^']*\/cli\//.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(src.length + 1))).toEqual([]);
  });
});
