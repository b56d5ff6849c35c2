// Where the package's own files (the wasm, Go's wasm_exec.js, the worker)
// come from. Each entry point says so once:
//   - the bundler entry (entry-bundler.js) hands over functions holding
//     literal new URL('./file', import.meta.url) references, the one form
//     every bundler sees, emits and rewrites;
//   - the <script>, Node and CommonJS entries set a base URL (the script's
//     src, import.meta.url, __filename) and the files are found next to it.

let base = '';

/**
 * @typedef {object} Assets
 * @property {() => string} wasmURL
 * @property {() => Promise<unknown>} loadGo imports Go's wasm_exec.js
 * @property {(name: string) => Worker} newWorker starts passmeter.worker.js
 * @property {string} workerName how errors name the worker script
 */

/** @type {Assets | null} */
let assets = null;

/** @param {string} url the URL of the running script or module */
export function setBase(url) {
  base = url || '';
}

/** @param {Assets} a */
export function setAssets(a) {
  assets = a;
}

/** The bundler entry's assets, or null. */
export function bundledAssets() {
  return assets;
}

/**
 * The URL of a file of the package, next to the loaded script.
 * @param {string} name
 */
export function packageURL(name) {
  if (base) return new URL(name, base).href;
  if (typeof location !== 'undefined') return new URL(name, location.href).href;
  return name;
}

/** True under Node (or another server runtime with process.versions.node). */
export const isNode =
  typeof process !== 'undefined' && !!(process.versions && process.versions.node) &&
  typeof window === 'undefined';

/** True where dedicated Web Workers exist. */
export const hasWorker = typeof Worker === 'function';

/**
 * A locale file of the package (dist/locales/TAG.js), next to the loaded
 * script: the locale loader of the <script>, Node and CommonJS entries.
 * @param {string} tag
 */
export function localeNextToScript(tag) {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ packageURL(`locales/${tag}.js`));
}
