// Plugins for the two bundlers that do not follow
// new URL('./file', import.meta.url) by themselves. Each copies the
// package's wasm, worker, locales and Go's wasm_exec.js into the build's output and
// points the package at them; Vite, webpack, Parcel and Next.js need none.
//
//   esbuild: plugins: [passmeterEsbuild()]  (format esm or iife)
//   Rollup:  plugins: [nodeResolve({ browser: true }), passmeterRollup()]

import { readFile, copyFile, cp, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Built to dist/bundler-plugins.mjs and .cjs, next to the package's files.
/* global __dirname */
const dist = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
const ENTRY = join(dist, 'passmeter.browser.mjs');
const FILES = ['passmeter.wasm', 'passmeter.worker.js', 'wasm_exec.js'];
const isEntry = (/** @type {string} */ id) => resolve(id.split('?')[0]) === ENTRY;

/**
 * What the esbuild plugin uses of esbuild's PluginBuild (typed by shape:
 * esbuild is not a dependency).
 * @typedef {object} EsbuildBuild
 * @property {{format?: string, write?: boolean, outdir?: string, outfile?: string}} initialOptions
 * @property {(options: {filter: RegExp}, fn: (args: {path: string}) => Promise<{contents: string, loader: string, resolveDir: string} | undefined>) => void} onLoad
 * @property {(options: {filter: RegExp}, fn: (args: {path: string, importer: string}) => {path: string, external: boolean} | undefined) => void} onResolve
 * @property {(fn: (result: {errors: unknown[]}) => Promise<void>) => void} onEnd
 */

/**
 * What the Rollup plugin uses of Rollup's plugin context.
 * @typedef {{emitFile: (file: {type: 'asset', name: string, source: Uint8Array}) => string}} RollupContext
 */

/** @returns {{name: string, setup: (build: EsbuildBuild) => void}} */
export function passmeterEsbuild() {
  return {
    name: 'passmeter',
    setup(build) {
      const options = build.initialOptions;
      // A classic script (iife, cjs) has no import.meta.url: the files are
      // next to the script, which is document.currentScript while it runs.
      build.onLoad({ filter: /passmeter\.browser\.mjs$/ }, async (args) => {
        if (!isEntry(args.path)) return undefined;
        let contents = await readFile(args.path, 'utf8');
        if (options.format && options.format !== 'esm') {
          contents = 'const __passmeterBase = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : location.href;\n' +
            contents.replaceAll('import.meta.url', '__passmeterBase');
        }
        return { contents, loader: 'js', resolveDir: dist };
      });
      build.onResolve({ filter: /^\.\/(wasm_exec|locales\/[\w-]+)\.js$/ }, (args) =>
        (isEntry(args.importer) ? { path: args.path, external: true } : undefined));
      build.onEnd(async (result) => {
        if (result.errors.length || options.write === false) return;
        const out = options.outdir ?? (options.outfile ? dirname(options.outfile) : null);
        if (!out) return;
        await mkdir(out, { recursive: true });
        await Promise.all(FILES.map((f) => copyFile(join(dist, f), join(out, f))));
        await cp(join(dist, 'locales'), join(out, 'locales'), { recursive: true });
      });
    },
  };
}

/** @returns {{name: string, transform: (this: RollupContext, code: string, id: string) => Promise<{code: string, map: null} | null>}} */
export function passmeterRollup() {
  return {
    name: 'passmeter',
    async transform(code, id) {
      if (!isEntry(id)) return null;
      // Rollup's file URLs: hashed names under its assetFileNames, made
      // relative to the chunk in every output format.
      const url = async (/** @type {string} */ name) => {
        const ref = this.emitFile({ type: 'asset', name, source: await readFile(join(dist, name)) });
        return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
      };
      const wasm = await url('passmeter.wasm');
      const worker = await url('passmeter.worker.js');
      const go = await url('wasm_exec.js');
      /** @type {(text: string, pattern: RegExp, by: string) => string} */
      const swap = (text, pattern, by) => {
        const next = text.replace(pattern, by);
        if (next === text) throw new Error(`passmeter's Rollup plugin: ${pattern} not found in ${id}`);
        return next;
      };
      let out = swap(code, /new URL\((["'])\.\/passmeter\.wasm\1,\s*import\.meta\.url\)/, wasm);
      out = swap(out, /new URL\((["'])\.\/passmeter\.worker\.js\1,\s*import\.meta\.url\)/, worker);
      out = swap(out, /import\((["'])\.\/wasm_exec\.js\1\)/, `import(${go}.href)`);
      // each locale a file of its own, as the bundlers that split chunks make it
      for (const m of [...out.matchAll(/import\((["'])\.\/locales\/([\w-]+)\.js\1\)/g)]) {
        out = out.replace(m[0], `import(${await url(`locales/${m[2]}.js`)}.href)`);
      }
      return { code: out, map: null };
    },
  };
}
