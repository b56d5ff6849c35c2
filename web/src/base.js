// Where the package's own files (the wasm, wasm_exec.js, the worker) live:
// next to the script or module that was loaded. Each entry point sets it.

let base = '';

/** @param {string} url the URL of the running script or module */
export function setBase(url) {
  base = url || '';
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
