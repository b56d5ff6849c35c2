// Builds the JavaScript side of web/dist with esbuild (scripts/build.sh runs
// it after the wasm): passmeter.js (<script>, window.passmeter),
// passmeter.mjs (ES module for Node and plain browsers: files next to it),
// passmeter.cjs (require() under Node), passmeter.browser.mjs (the bundler
// entry: literal asset URLs, see src/entry-bundler.js), passmeter.worker.js,
// the types, passmeter.css, bundler-plugins.mjs, the licences, and
// gzip/brotli siblings of the wasm for servers that send precompressed files.
import * as esbuild from 'esbuild';
import { readFile, writeFile, copyFile, mkdir, stat } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants as z } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';

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
const tla = ['es2022', 'chrome90', 'firefox90', 'safari15', 'node20'];

// Each shipped locale that is not built in is a script of its own,
// dist/locales/<tag>.js (and all of them in all.js), that registers its
// tables on globalThis (src/i18n/register.js): a <script> tag, an import
// for its effect, or (the .cjs copy) a require.
const { LOCALES, BUILT_IN } = await import('./src/i18n/index.js');
const localeScripts = LOCALES.filter((tag) => !BUILT_IN.includes(tag));
const localeBanner = `/*! passmeter ${pkg.version} locale | MIT | zxcvbn-ts translations, MIT */`;
await mkdir(join(dist, 'locales'), { recursive: true });
async function localeScript(name, tags) {
  const contents = "import { register } from './register.js';\n" + tags.map((tag, i) =>
    `import f${i} from './feedback/${tag}.js';\nimport u${i} from './ui/${tag}.js';\nregister(${JSON.stringify(tag)}, f${i}, u${i});\n`).join('');
  const out = join(dist, 'locales', `${name}.js`);
  await esbuild.build({
    ...common, platform: 'neutral', minify: true, banner: { js: localeBanner }, format: 'iife',
    stdin: { contents, resolveDir: join(src, 'i18n'), sourcefile: `locales/${name}.js` }, outfile: out,
  });
  await copyFile(out, join(dist, 'locales', `${name}.cjs`));
}
const build = (options, entry, out, format) =>
  esbuild.build({ ...options, entryPoints: [join(src, entry)], outfile: join(dist, out), format });

await Promise.all([
  build(browser, 'entry-script.js', 'passmeter.js', 'iife'),
  build({ ...common, platform: 'neutral' }, 'entry-module.js', 'passmeter.mjs', 'esm'),
  build({ ...common, platform: 'node' }, 'entry-cjs.js', 'passmeter.cjs', 'cjs'),
  // Not minified: the consumer's bundler minifies, and its users debug.
  // wasm_exec.js stays a file of its own, imported only on the main thread.
  build({ ...browser, minify: false, minifySyntax: true, external: ['./wasm_exec.js', './locales/*'], plugins: [localeLoaders()] },
    'entry-bundler.js', 'passmeter.browser.mjs', 'esm'),
  // The worker carries Go's wasm_exec.js (from the toolchain that built
  // the wasm; scripts/build-wasm.sh copies it) so that it starts without
  // a second, serial request for it.
  build({ ...browser, inject: await wasmExec(), banner: { js: `${banner}\n/*! wasm_exec.js (c) The Go Authors, BSD-3-Clause */` } },
    'worker.js', 'passmeter.worker.js', 'iife'),
  copyFile(join(src, 'passmeter.d.ts'), join(dist, 'passmeter.d.ts')),
  // the same declarations for require() (TypeScript reads a .d.cts as CommonJS)
  copyFile(join(src, 'passmeter.d.ts'), join(dist, 'passmeter.d.cts')),
  copyFile(join(src, 'global.d.ts'), join(dist, 'global.d.ts')),
  copyFile(join(src, 'passmeter.css'), join(dist, 'passmeter.css')),
  ...['esm', 'cjs'].map((format) => esbuild.build({
    entryPoints: [join(src, 'bundler-plugins.mjs')], outfile: join(dist, `bundler-plugins.${format === 'esm' ? 'mjs' : 'cjs'}`),
    format, platform: 'node', target: 'node20', bundle: false, logLevel: 'error', banner: { js: banner },
  })),
  copyFile(join(src, 'bundler-plugins.d.ts'), join(dist, 'bundler-plugins.d.ts')),
  copyFile(join(src, 'bundler-plugins.d.ts'), join(dist, 'bundler-plugins.d.cts')),
  // passmeter/zxcvbn: its ES modules import the package's own entry next
  // to them (one module, one engine); the CommonJS one starts its own.
  // (top-level await: every target here has it)
  build({ ...common, target: tla, platform: 'neutral', plugins: [selfAs('./passmeter.mjs')] }, 'entry-zxcvbn.js', 'zxcvbn.mjs', 'esm'),
  build({ ...browser, target: tla, minify: false, minifySyntax: true, plugins: [selfAs('./passmeter.browser.mjs')] }, 'entry-zxcvbn.js', 'zxcvbn.browser.mjs', 'esm'),
  build({ ...common, platform: 'node', logOverride: { 'commonjs-variable-in-esm': 'silent' } }, 'entry-zxcvbn-cjs.js', 'zxcvbn.cjs', 'cjs'),
  copyFile(join(dist, 'wasm_exec.js'), join(dist, 'wasm_exec.cjs')),
  // passmeter/react: React and the package itself stay imports, resolved
  // by the app's bundler (the browser entry in the page, Node's on the server).
  ...['esm', 'cjs'].map((format) => build({ ...common, platform: 'neutral', external: ['react', 'passmeter'] },
    'react.js', `react.${format === 'esm' ? 'mjs' : 'cjs'}`, format)),
  copyFile(join(src, 'react.d.ts'), join(dist, 'react.d.ts')),
  // the CommonJS view imports the CommonJS declarations
  readFile(join(src, 'react.d.ts'), 'utf8').then((t) => writeFile(join(dist, 'react.d.cts'), t.replace("'./passmeter.js'", "'./passmeter.cjs'"))),
  copyFile(join(src, 'zxcvbn.d.ts'), join(dist, 'zxcvbn.d.ts')),
  copyFile(join(src, 'zxcvbn.d.cts'), join(dist, 'zxcvbn.d.cts')),
  ...localeScripts.map((tag) => localeScript(tag, [tag])),
  localeScript('all', localeScripts),
  copyFile(join(src, 'locale.d.ts'), join(dist, 'locale.d.ts')),
  copyFile(join(src, 'locale.d.ts'), join(dist, 'locale.d.cts')),
  licence(),
]);

/**
 * The module passmeter:locale-loaders of the bundler entry: a literal
 * import() a locale, which bundlers split into chunks of their own.
 */
function localeLoaders() {
  return {
    name: 'locale-loaders',
    setup(b) {
      b.onResolve({ filter: /^passmeter:locale-loaders$/ }, () => ({ path: 'locale-loaders', namespace: 'passmeter' }));
      b.onLoad({ filter: /.*/, namespace: 'passmeter' }, () => ({
        contents: `export default {\n${localeScripts.map((t) => `  ${JSON.stringify(t)}: () => import('./locales/${t}.js'),`).join('\n')}\n};\n`,
        loader: 'js',
      }));
    },
  };
}

/** Leaves the import of './passmeter.mjs' to the built file named entry. */
function selfAs(entry) {
  return {
    name: 'self',
    setup(b) {
      b.onResolve({ filter: /^\.\/passmeter\.mjs$/ }, () => ({ path: entry, external: true }));
    },
  };
}

// The package's LICENSE: ours, then the notice of zxcvbn's data that the
// wasm carries, of zxcvbn-ts's translations and of Go's runtime. npm packs a LICENSE at the package root whatever "files" says.
async function licence() {
  const root = join(here, '..');
  const ours = await readFile(join(root, 'LICENSE'), 'utf8');
  const zxcvbn = await readFile(join(root, 'core/zxcvbn/data/LICENSE.zxcvbn.txt'), 'utf8');
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const go = await readFile(join(goroot, 'LICENSE'), 'utf8');
  const zxcvbnTS = await readFile(join(src, 'i18n', 'LICENSE.zxcvbn-ts.txt'), 'utf8');
  const text = `${ours.trimEnd()}\n\n---\n\npassmeter.wasm holds zxcvbn's frequency lists and keyboard graphs\n(zxcvbn 4.4.2, https://github.com/dropbox/zxcvbn), under this licence:\n\n${zxcvbn.trimEnd()}\n\n---\n\nThe translations of zxcvbn's feedback in the JavaScript files are\nzxcvbn-ts's (https://github.com/zxcvbn-ts/zxcvbn), under this licence:\n\n${zxcvbnTS.trimEnd()}\n\n---\n\nwasm_exec.js, and the Go runtime and standard library inside passmeter.wasm\nand passmeter.worker.js, are Go's, under this licence:\n\n${go.trimEnd()}\n`;
  await writeFile(join(here, 'LICENSE'), text);
}

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
