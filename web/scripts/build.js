// Builds the UI into one folder: one page per entry (index.html with app.js/app.css, the town
// map; planner.html with planner.js/planner.css; login.html with login.js/login.css;
// dispatch.html with dispatch.js/dispatch.css; hq.html with hq.js/hq.css, the HQ wall;
// supporter.html with supporter.js/supporter.css, its manifest, icons and service worker sw.js),
// each script bundled and minified by esbuild with its CSS, and the images Leaflet's CSS refers to.
// The service worker is built last, with the list of the supporter page's files and a version
// made from their content, so that every new build replaces the phone's cache.
// Usage: node scripts/build.js [outdir]   (default: dist). Runs on Node 18 and later.

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconPng } from './icons.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] || join(root, 'dist'));

await rm(outdir, { recursive: true, force: true });
await mkdir(join(outdir, 'icons'), { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    app: 'src/main.js', planner: 'src/planner/main.js', login: 'src/login/main.js', dispatch: 'src/dispatch/main.js',
    hq: 'src/hq/main.js', supporter: 'src/supporter/main.js',
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
for (const page of ['index.html', 'planner.html', 'login.html', 'dispatch.html', 'hq.html', 'supporter.html']) {
  await copyFile(join(root, 'src', page), join(outdir, page));
}
await copyFile(join(root, 'src/supporter/supporter.webmanifest'), join(outdir, 'supporter.webmanifest'));
for (const size of [192, 512]) {
  await writeFile(join(outdir, 'icons', `supporter-${size}.png`), iconPng(size));
}

// what the supporter page needs without signal: its page, bundle, style, manifest, icons and the images its style names
const supporterCss = Object.keys(result.metafile.outputs).find((f) => f.endsWith('/supporter.css'));
const images = result.metafile.outputs[supporterCss].imports.filter((i) => !i.external).map((i) => i.path);
const precache = [
  'supporter.html', 'supporter.js', 'supporter.css', 'supporter.webmanifest',
  'icons/supporter-192.png', 'icons/supporter-512.png',
  ...images.map((p) => relative(outdir, resolve(root, p)).split('\\').join('/')),
];
const hash = createHash('sha256');
for (const file of precache) {
  hash.update(file).update(await readFile(join(outdir, file)));
}
const version = hash.digest('hex').slice(0, 16);
const sw = await build({
  absWorkingDir: root,
  entryPoints: { sw: 'src/supporter/sw.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
  metafile: true,
  logLevel: 'warning',
});

const outputs = Object.entries({ ...result.metafile.outputs, ...sw.metafile.outputs })
  .map(([file, info]) => `  ${file.replace(/.*\//, '')} ${(info.bytes / 1024).toFixed(1)} KiB`)
  .join('\n');
console.log(`mimamori web built into ${outdir} (supporter cache ${version}: ${precache.length} files)\n${outputs}`);
