import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { DomainError } from '../errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A static file server for `dir` on 127.0.0.1 (GET and HEAD only; '/' serves index.html;
 * nothing outside `dir`). Resolves once listening; `port` 0 picks a free port. A port in use
 * is a DomainError naming it.
 *
 * @example const { server, url } = await serveStatic('dist/app', 0); // url = 'http://127.0.0.1:PORT/'
 */
export function serveStatic(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const base = normalize(dir + sep);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = normalize(join(base, decodeURIComponent((req.url ?? '/').split(/[?#]/)[0])));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith(sep)) path = join(path, 'index.html');
    if (!path.startsWith(base) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(path));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new DomainError(`port ${port} is in use on 127.0.0.1; choose another with --port (0 picks a free one)`));
      else if (err.code === 'EACCES') reject(new DomainError(`port ${port} needs privileges; choose one from 1024 to 65535 with --port`));
      else reject(err);
    });
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${p}/` });
    });
  });
}
