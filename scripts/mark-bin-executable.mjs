// tsc writes dist/cli/main.js without the executable bit; `npx coulomix` runs the bin file
// directly, so set it (no-op on file systems without modes).
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
