// The README's esbuild recipe: passmeter's plugin copies the wasm, the
// worker and wasm_exec.js next to the bundle. Built twice, as an ES module
// (dist/esm) and as a classic script (dist/iife).
import * as esbuild from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { passmeterEsbuild } from 'passmeter/plugins';

for (const format of ['esm', 'iife']) {
  await esbuild.build({
    entryPoints: ['src/main.js'],
    bundle: true,
    format,
    outdir: `dist/${format}`,
    plugins: [passmeterEsbuild()],
  });
  await mkdir(`dist/${format}`, { recursive: true });
  await copyFile(`src/index-${format}.html`, `dist/${format}/index.html`);
}
