import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { integerOption, parseOptions } from '../options.js';
import { serveStatic } from '../staticServer.js';
import { UsageError } from '../usageError.js';

const DEFAULT_PORT = 5178;

const HELP = `usage: coulomix app [--port ${DEFAULT_PORT}] [--open]

Serves the coulomix web app on http://127.0.0.1:PORT/ until interrupted (Ctrl-C). The page
computes phase diagrams in the browser: the same WASM kernels in Web Workers, one per core.
Parameters live in the URL, e.g. ?z1=6&z2=8&model=sro&gammaMin=170&gammaMax=180&gammaStep=1&run=1
(run=1 starts on load). --port 0 picks a free port; --open also opens the page in the default
browser. The files (dist/app) work from any static web server as well.
`;

/** The built app: dist/app next to dist/cli. */
export const APP_DIR = fileURLToPath(new URL('../../app/', import.meta.url));

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`coulomix app: could not start a browser (${cmd}); open ${url} yourself\n`));
  child.unref();
}

/**
 * `coulomix app [--port P] [--open]`: serve the web app (dist/app) on 127.0.0.1 and print its URL.
 *
 * @example await run(['--port', '0']) // prints "coulomix app: http://127.0.0.1:PORT/ ..."
 */
export async function run(argv: string[]): Promise<void> {
  const o = parseOptions('app', argv, { port: { type: 'string' }, open: { type: 'boolean' }, help: { type: 'boolean' } });
  if (o.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = integerOption('port', o.port, DEFAULT_PORT, 0, 65535);
  if (!existsSync(`${APP_DIR}index.html`)) throw new UsageError(`the web app is not built (${APP_DIR}index.html is missing): run npm run build`);
  const { url } = await serveStatic(APP_DIR, port);
  process.stdout.write(`coulomix app: ${url} (Ctrl-C to stop)\n`);
  if (o.open) openBrowser(url);
}
