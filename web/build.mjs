// Builds the JavaScript side of web/dist with esbuild (scripts/build.sh runs
// it after the wasm): passmeter.js (<script>, window.passmeter),
// passmeter.mjs (ES module, browsers and Node), passmeter.browser.mjs (ES
// module without the Node paths), passmeter.worker.js, passmeter.d.ts,
// passmeter.css, and gzip/brotli siblings of the wasm for servers that
// send precompressed files.
import * as esbuild from 'esbuild';
import { readFile, writeFile, copyFile, mkdir, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');
const pkg = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
await mkdir(dist, { recursive: true });

const banner = `/*! passmeter ${pkg.version} | MIT | zxcvbn 4.4.2 data (c) Dropbox, Inc., MIT */`;
const common = {
  bundle: true,
  target: ['es2020', 'chrome90', 'firefox90', 'safari15', 'node20'],
  legalComments: 'none',
  banner: { js: banner },
  logLevel: 'warning',
  define: { __PASSMETER_VERSION__: JSON.stringify(pkg.version) },
};

// The browser builds drop the Node paths (see engine.js) and are minified.
const browser = {
  ...common,
  platform: 'browser',
  minify: true,
  define: { ...common.define, __PASSMETER_BROWSER__: 'true' },
};
async function wasmExec() {
  const file = join(dist, 'wasm_exec.js');
  if (!(await stat(file).catch(() => null))) {
    throw new Error(`${file} is missing: scripts/build-wasm.sh makes it`);
  }
  return [file];
}
const build = (options, entry, out, format) =>
  esbuild.build({ ...options, entryPoints: [join(src, entry)], outfile: join(dist, out), format });

await Promise.all([
  build(browser, 'entry-script.js', 'passmeter.js', 'iife'),
  build({ ...common, platform: 'neutral' }, 'entry-module.js', 'passmeter.mjs', 'esm'),
  build(browser, 'entry-module.js', 'passmeter.browser.mjs', 'esm'),
  // The worker carries Go's wasm_exec.js (from the toolchain that built
  // the wasm; scripts/build-wasm.sh copies it) so that it starts without
  // a second, serial request for it.
  build({ ...browser, inject: await wasmExec(), banner: { js: `${banner}\n/*! wasm_exec.js (c) The Go Authors, BSD-3-Clause */` } },
    'worker.js', 'passmeter.worker.js', 'iife'),
  copyFile(join(src, 'passmeter.d.ts'), join(dist, 'passmeter.d.ts')),
  copyFile(join(src, 'passmeter.css'), join(dist, 'passmeter.css')),
]);

// Precompressed siblings of the wasm, unless scripts/build-wasm.sh has
// just made them (brotli keeps the input's time stamp, hence the second
// of slack).
const wasm = join(dist, 'passmeter.wasm');
const mtime = async (f) => (await stat(f).catch(() => null))?.mtimeMs ?? -Infinity;
const stale = async (f) => (await mtime(f)) + 1000 < (await mtime(wasm));
if ((await mtime(wasm)) > 0) {
  const bytes = await readFile(wasm);
  if (await stale(`${wasm}.gz`)) {
    await writeFile(`${wasm}.gz`, gzipSync(bytes, { level: 9 }));
  }
  if (await stale(`${wasm}.br`)) {
    await writeFile(`${wasm}.br`, brotliCompressSync(bytes, {
      params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }));
  }
}
