// Builds the UI into one folder: one page per entry (index.html with app.js/app.css, the town
// map; planner.html with planner.js/planner.css; login.html with login.js/login.css;
// dispatch.html with dispatch.js/dispatch.css; hq.html with hq.js/hq.css, the HQ wall), each
// script bundled and minified by esbuild with its CSS, and the images Leaflet's CSS refers to.
// Usage: node scripts/build.js [outdir]   (default: dist). Runs on Node 18 and later.

import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] || join(root, 'dist'));

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    app: 'src/main.js', planner: 'src/planner/main.js', login: 'src/login/main.js', dispatch: 'src/dispatch/main.js',
    hq: 'src/hq/main.js',
  },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'images/[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
for (const page of ['index.html', 'planner.html', 'login.html', 'dispatch.html', 'hq.html']) {
  await copyFile(join(root, 'src', page), join(outdir, page));
}
const outputs = Object.entries(result.metafile.outputs)
  .map(([file, info]) => `  ${file.replace(/.*\//, '')} ${(info.bytes / 1024).toFixed(1)} KiB`)
  .join('\n');
console.log(`mimamori web built into ${outdir}\n${outputs}`);
