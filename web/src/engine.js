// Starting the WebAssembly module, in a dedicated Worker or on this thread,
// and calling its two globals (strengthCheck and securityLevel). One start
// per place is shared by every caller; a failed start is forgotten so that
// the next load() tries again.

import { isNode } from './base.js';
import { warmUp, whenIdle, noteRealCall } from './warmup.js';
import { exportsCaller } from './exports.js';
import { goEnv } from './goenv.js';

/* global __PASSMETER_BROWSER__ */

/**
 * @typedef {'strengthCheck' | 'securityLevel'} Op
 * @typedef {object} Engine
 * @property {(op: Op, request: object) => Promise<any>} call
 * @property {((op: Op, request: object) => any) | null} callSync null in a worker
 */

/** @type {Map<string, Promise<Engine>>} */
const starts = new Map();

/**
 * Starts (or joins the start of) the module.
 * @param {{worker: boolean, wasmURL: string, wasmExecURL: string, workerURL: string, warmUp?: boolean}} where
 * @returns {Promise<Engine>}
 */
export function startEngine(where) {
  // One Go runtime per JavaScript realm: the globals are shared, so every
  // main-thread start is the same start.
  const key = where.worker ? `worker ${where.workerURL} ${where.wasmURL} ${where.wasmExecURL}` : 'here';
  let started = starts.get(key);
  if (!started) {
    const forget = () => {
      if (starts.get(key) === started) starts.delete(key);
    };
    started = (where.worker ? startWorker(where, forget) : startHere(where)).catch((err) => {
      forget();
      throw startError(err, where);
    });
    starts.set(key, started);
  }
  return started;
}

function startError(err, where) {
  const why = err && err.message ? err.message : String(err);
  const e = new Error(`passmeter.load: could not start the module (${where.wasmURL}): ${why}`);
  e.cause = err;
  return e;
}

// ---- on this thread --------------------------------------------------------

async function startHere({ wasmURL, wasmExecURL, warmUp: warm }) {
  if (hasGlobals()) return hereEngine();
  // Fetch and compile the module while wasm_exec.js loads, not after.
  const compiled = compile(wasmURL);
  compiled.catch(() => {}); // awaited below; not unhandled meanwhile
  if (typeof globalThis.Go !== 'function') {
    await import(/* webpackIgnore: true */ /* @vite-ignore */ wasmExecURL);
    if (typeof globalThis.Go !== 'function') {
      throw new Error(`${wasmExecURL} did not define Go (is it Go's wasm_exec.js?)`);
    }
  }
  ({ call: here } = await runModule(globalThis.Go, await compiled));
  const engine = hereEngine();
  if (warm) warmUp((request) => (here || globalCall)('strengthCheck', request), whenIdle);
  return engine;
}

/** How this thread's module is called: its exports once started here. */
let here = null;
const globalCall = (op, request) => globalThis[op](request);

function hasGlobals() {
  return typeof globalThis.strengthCheck === 'function' && typeof globalThis.securityLevel === 'function';
}

/** @returns {Engine} */
function hereEngine() {
  const callSync = (op, request) => {
    noteRealCall();
    return (here || globalCall)(op, request);
  };
  return {
    callSync,
    call: async (op, request) => callSync(op, request),
  };
}

/**
 * Instantiates module with Go's environment from goenv.js, runs the Go
 * program and waits for its globals. call is the caller over its exports
 * (null for a build without them); exited settles if the program ends.
 * @param {any} Go the class wasm_exec.js defines
 * @param {WebAssembly.Module} module
 * @returns {Promise<{call: ((op: Op, request: unknown) => any) | null, exited: Promise<unknown>}>}
 */
export async function runModule(Go, module) {
  const go = new Go();
  go.env = goEnv(go.env);
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const exited = go.run(instance);
  await globalsReady(exited);
  return { call: exportsCaller(instance), exited };
}

/**
 * Waits until the Go program has set its globals, or fails if it exits first.
 * @param {Promise<unknown>} exited
 */
async function globalsReady(exited) {
  let gone = false;
  exited.then(() => { gone = true; });
  for (let i = 0; i < 500; i++) {
    if (hasGlobals()) return;
    if (gone) throw new Error('the Go program exited without defining strengthCheck and securityLevel');
    await new Promise((r) => setTimeout(r, i < 50 ? 0 : 10));
  }
  throw new Error('the Go program did not define strengthCheck and securityLevel');
}

/**
 * Fetches and compiles the wasm: streaming where the server sends
 * application/wasm, from bytes otherwise, and from the file system under
 * Node for file: URLs. Compiling apart from instantiating lets it run while
 * wasm_exec.js still loads.
 * @param {string} url
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compile(url) {
  // The browser builds define __PASSMETER_BROWSER__, so this path falls away.
  if (!(typeof __PASSMETER_BROWSER__ !== 'undefined' && __PASSMETER_BROWSER__) && isNode && url.startsWith('file:')) {
    const fsName = 'node:fs/promises';
    const urlName = 'node:url';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsName);
    const { fileURLToPath } = await import(/* webpackIgnore: true */ /* @vite-ignore */ urlName);
    return WebAssembly.compile(await readFile(fileURLToPath(url)));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function') {
    const copy = response.clone();
    try {
      return await WebAssembly.compileStreaming(response);
    } catch (err) {
      // A server that does not send application/wasm: fall back to bytes.
      if (!(err instanceof TypeError)) throw err;
      return WebAssembly.compile(await copy.arrayBuffer());
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

// ---- in a dedicated Worker -------------------------------------------------

/**
 * A dedicated Worker running workerURL. A worker script on another origin
 * (the package served from a CDN) cannot be started directly; a small
 * same-origin blob worker imports it instead (that needs worker-src blob:
 * where a CSP is set; a same-origin copy of the package needs nothing).
 * @param {string} workerURL
 */
function newWorker(workerURL) {
  const crossOrigin = typeof location !== 'undefined' && new URL(workerURL).origin !== location.origin;
  if (!crossOrigin) return new Worker(workerURL, { name: 'passmeter' });
  const boot = new Blob([`importScripts(${JSON.stringify(workerURL)});`], { type: 'text/javascript' });
  const url = URL.createObjectURL(boot);
  try {
    return new Worker(url, { name: 'passmeter' });
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}

/**
 * @param {{workerURL: string, wasmURL: string, wasmExecURL: string, wasmExecSet?: boolean, warmUp?: boolean}} where
 * @param {() => void} forget called when the worker dies, so the next call restarts it
 * @returns {Promise<Engine>}
 */
function startWorker({ workerURL, wasmURL, wasmExecURL, wasmExecSet, warmUp: warm }, forget) {
  return new Promise((resolve, reject) => {
    /** @type {Worker} */
    let worker;
    try {
      worker = newWorker(workerURL);
    } catch (err) {
      reject(new Error(`cannot start the worker ${workerURL}: ${err && err.message}`));
      return;
    }
    let ready = false;
    let dead = null;
    let nextID = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    const pending = new Map();

    const die = (why) => {
      if (dead) return;
      dead = why;
      forget();
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error(`passmeter: the worker stopped: ${why}`));
      pending.clear();
      if (!ready) reject(new Error(why));
    };

    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      die(ev.message || `the worker script ${workerURL} failed to load or run`);
    });
    worker.addEventListener('messageerror', () => die('a message could not be read'));
    worker.addEventListener('message', (ev) => {
      const msg = ev.data || {};
      if (msg.type === 'ready') {
        ready = true;
        resolve(engine);
      } else if (msg.type === 'failed' || msg.type === 'exited') {
        die(msg.message || 'the Go program exited');
      } else if (typeof msg.id === 'number') {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        if ('error' in msg) p.reject(new Error(`passmeter: ${msg.error}`));
        else p.resolve(msg.result);
      }
    });

    /** @type {Engine} */
    const engine = {
      callSync: null,
      call(op, request) {
        if (dead) return Promise.reject(new Error(`passmeter: the worker stopped: ${dead}`));
        return new Promise((res, rej) => {
          const id = nextID++;
          try {
            worker.postMessage({ id, op, request });
          } catch (err) {
            rej(new TypeError(`passmeter.${op}: request: must be plain data (${err && err.name})`));
            return;
          }
          pending.set(id, { resolve: res, reject: rej });
        });
      },
    };
    // The page fetches and compiles the module while the worker starts and
    // loads wasm_exec.js, then hands the compiled module over; should that
    // fail, the worker fetches it itself.
    worker.postMessage({ type: 'init', wasmURL, wasmExecURL, wasmExecSet, moduleFollows: true, warmUp: warm !== false });
    compile(wasmURL).then(
      (module) => worker.postMessage({ type: 'module', module }),
      () => worker.postMessage({ type: 'module', module: null }),
    );
  });
}
