// Build the web app (app/) with vite into dist/app: static files with relative URLs, so they
// work from `coulomix app` or any static host. 'coulomix' resolves to this package as an
// installed copy would under the "browser" condition of package.json "exports": dist/browser.js.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  root: `${root}app`,
  base: './',
  configFile: false,
  logLevel: process.env.COULOMIX_APP_LOG ?? 'warn',
  resolve: { alias: [{ find: /^coulomix$/, replacement: `${root}dist/browser.js` }] },
  worker: { format: 'es' },
  build: {
    outDir: `${root}dist/app`,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      // The library's lazy imports of the SRO modules (for Node workers) are static in a page bundle: expected.
      onwarn(w, warn) {
        if (w.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(w);
      },
    },
  },
});
console.log(`web app -> ${root}dist/app`);
