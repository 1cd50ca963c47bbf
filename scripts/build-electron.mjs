// Bundles the Electron main process, the services worker and the preload into CommonJS files under out/main/app.
// The sandboxed preload cannot load modules, so it is bundled whole. The main bundle keeps the production
// dependencies external: electron-builder packs them (and rebuilds better-sqlite3-multiple-ciphers for Electron's ABI), and
// pdfkit reads its data files relative to its own folder.
import fs from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['main/app/main.ts'],
  outfile: 'out/main/app/main.cjs',
  external: ['electron', ...Object.keys(pkg.dependencies)],
});
await build({
  ...common,
  entryPoints: ['main/ipc/worker.ts'],
  outfile: 'out/main/app/worker.cjs',
  external: Object.keys(pkg.dependencies),
});
await build({
  ...common,
  entryPoints: ['main/app/preload.ts'],
  outfile: 'out/main/app/preload.cjs',
  minify: true,
  external: ['electron'],
});
