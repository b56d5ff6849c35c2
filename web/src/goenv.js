// The environment the shim starts the Go program with.
//
// GOMEMLIMIT: a soft limit on the Go heap. Linear memory never shrinks, so
// the heap's peak is the page's memory for good, and in WebAssembly a GC
// cycle that starts during a long password can only finish when the call
// ends: the heap overshoots its goal. Measured under Node over the browser
// benchmark's passwords (2,000 typical, then 100 to 4,096 characters of
// ten kinds), the peak varied from 27.8 to 32.0 MiB without the limit and
// stayed at 24.8-26.3 MiB with it; the long cases' time moved within noise.
// Set in the environment rather than with runtime/debug, which would add
// about 10 KB (brotli) to the module.

/**
 * Go's environment for a new program, over what wasm_exec.js set.
 * @param {Record<string, string>} [env]
 * @returns {Record<string, string>}
 */
export function goEnv(env = {}) {
  return { GOMEMLIMIT: '24MiB', ...env };
}

/**
 * A Go program of wasm_exec.js: its imports, its environment, its run.
 * @typedef {object} GoInstance
 * @property {WebAssembly.Imports} importObject
 * @property {Record<string, string>} env
 * @property {(instance: WebAssembly.Instance) => Promise<void>} run
 */

/**
 * A Go program (wasm_exec.js's class Go) with that environment.
 * @param {new () => GoInstance} Go
 * @returns {GoInstance}
 */
export function newGo(Go) {
  const go = new Go();
  go.env = goEnv(go.env);
  return go;
}

// wasm_exec.js defines stand-ins for Node's fs and process on globalThis
// where they are missing. A page's libraries test `typeof process` to tell
// Node from a browser and then read process.env, which the stand-in lacks:
// they would throw. The module never reads process (it links no syscall,
// scripts/deps holds it so), so the stand-in goes as soon as wasm_exec.js
// has run. fs stays: wasm_exec.js writes Go's output through it.

/** Takes wasm_exec.js's process stand-in off globalThis, if it is there. */
export function hideStandIn() {
  const p = /** @type {any} */ (globalThis.process);
  if (p && p.pid === -1 && p.ppid === -1 && !p.env && !p.versions) delete globalThis.process;
}
