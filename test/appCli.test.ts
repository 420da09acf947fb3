// `coulomix app`: serves dist/app on 127.0.0.1 and prints its URL; bad flags and a busy port
// give one line and exit code 2.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

describe('coulomix app', () => {
  test('serves the built app and prints its URL', async () => {
    const child = spawn(process.execPath, [cli, 'app', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => resolve(d.toString()));
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line)?.[0];
      expect(url).toBeDefined();
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('id="coulomix-result"');
      // Relative URLs only, so that any static host can serve the files.
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:') && u !== '#');
      expect(assets.length).toBeGreaterThan(0);
      for (const a of assets) {
        expect(a.startsWith('./')).toBe(true);
        expect((await fetch(new URL(a, url))).status).toBe(200);
      }
      expect((await fetch(new URL('../../etc/passwd', url))).status).toBe(404);
      expect((await fetch(new URL('%2e%2e/%2e%2e/package.json', url))).status).toBe(404);
    } finally {
      child.kill();
    }
  });

  test('bad flags and a busy port: one line, exit code 2', async () => {
    for (const args of [['--port', '70000'], ['--port', 'x'], ['--bogus']]) {
      const r = spawnSync(process.execPath, [cli, 'app', ...args], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    const r = spawnSync(process.execPath, [cli, 'app', '--port', String(port)], { encoding: 'utf8' });
    busy.close();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`coulomix: port ${port} is in use on 127.0.0.1; choose another with --port (0 picks a free one)\n`);
  });
});
