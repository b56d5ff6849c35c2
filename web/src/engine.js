// Starting the WebAssembly module, in a dedicated Worker or on this thread,
// and calling its two globals (strengthCheck and securityLevel). One start
// per place is shared by every caller; a failed start is forgotten so that
// the next load() tries again.

import { isNode } from './base.js';
import { warmUp, whenIdle, noteRealCall } from './warmup.js';
import { exportsCaller } from './exports.js';
import { newGo, hideStandIn } from './goenv.js';
import { splitDownload, writeText } from './split.js';

/* global __PASSMETER_BROWSER__ */

/**
 * @typedef {'strengthCheck' | 'securityLevel'} Op
 * @typedef {object} Engine
 * @property {(op: Op, request: object, rule?: number) => Promise<any>} call rule: the breach rule's bits (breach.js)
 * @property {((op: Op, request: object, rule?: number) => any) | null} callSync null in a worker
 * @property {'worker' | 'main'} thread where the module runs
 * @property {string} [fallbackReason] why it runs here although a worker was asked for
 */

/**
 * Where the module comes from. loadGo imports Go's wasm_exec.js on this
 * thread; newWorker starts the worker script (null: no worker).
 * @typedef {object} Where
 * @property {string} wasmURL
 * @property {() => Promise<unknown>} loadGo
 * @property {string} wasmExecURL the worker's copy, when wasmExecSet
 * @property {boolean} wasmExecSet
 * @property {((name: string) => Worker) | null} newWorker
 * @property {string} workerName how messages name the worker script
 * @property {boolean} fallback start on this thread when the worker cannot start
 * @property {boolean} [warmUp]
 * @property {string} key what makes two starts the same start
 */

/** @type {Map<string, Promise<Engine>>} */
const starts = new Map();

/**
 * Starts (or joins the start of) the module. A worker that cannot start at
 * all (a CSP without worker-src, Trusted Types, a cross-origin script, a
 * page where its URL answers HTML) gives way to this thread when
 * where.fallback; the engine then says so (engine.thread).
 * @param {Where} where
 * @returns {Promise<Engine>}
 */
export function startEngine(where) {
  // One Go runtime per JavaScript realm: the globals are shared, so every
  // main-thread start is the same start.
  const key = where.newWorker ? `worker ${where.key}` : 'here';
  let started = starts.get(key);
  if (!started) {
    const forget = () => {
      if (starts.get(key) === started) starts.delete(key);
    };
    started = (where.newWorker ? startWorkerOrHere(where, forget) : startHere(where)).catch((err) => {
      forget();
      throw err instanceof StartError ? err : new StartError('module', where.wasmURL, err);
    });
    starts.set(key, started);
  }
  return started;
}

/**
 * A start that failed, naming the part (wasm, wasm_exec, worker) and what
 * to do about it.
 */
export class StartError extends Error {
  /**
   * @param {'wasm' | 'wasm_exec' | 'worker' | 'module'} part
   * @param {string} where the URL or file at fault
   * @param {unknown} cause
   * @param {string} [fix]
   */
  constructor(part, where, cause, fix) {
    const why = cause && /** @type {Error} */ (cause).message ? /** @type {Error} */ (cause).message : String(cause);
    super(`passmeter.load: could not start the ${part} (${where}): ${why}${fix ? `. ${fix}` : ''}`, { cause });
    this.name = 'Error';
    /** Which part failed: "wasm", "wasm_exec", "worker" or "module". */
    this.part = part;
    this.where = where;
    this.fix = fix;
  }
}

/**
 * @param {Where} where
 * @param {() => void} forget
 * @returns {Promise<Engine>}
 */
async function startWorkerOrHere(where, forget) {
  try {
    return await startWorker(where, forget);
  } catch (err) {
    if (!(where.fallback && err instanceof StartError && err.part === 'worker')) throw err;
    try {
      const engine = await startHere(where);
      engine.fallbackReason = err.message;
      return engine;
    } catch (hereErr) {
      if (hereErr instanceof StartError) hereErr.message += `; before that, ${err.message.replace(/^passmeter\.load: /, '')}`;
      throw hereErr;
    }
  }
}

// ---- on this thread --------------------------------------------------------

/** @param {Where} where */
async function startHere({ wasmURL, loadGo, warmUp: warm }) {
  if (hasGlobals()) return hereEngine();
  // Fetch and compile the module while wasm_exec.js loads, not after.
  const compiled = compile(wasmURL, splitDownload);
  compiled.catch(() => {}); // awaited below; not unhandled meanwhile
  if (typeof globalThis.Go !== 'function') {
    await loadGo();
    hideStandIn(); // see goenv.js
  }
  const { module, text } = await compiled;
  // loadGo checked that it defined Go
  ({ call: here } = await runModule(/** @type {NonNullable<typeof globalThis.Go>} */ (globalThis.Go), module, text).catch((err) => {
    // A program that will never have its lists (the download broke off)
    // loses its globals, so that the next load() starts another.
    const g = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis));
    delete g.strengthCheck;
    delete g.securityLevel;
    throw err;
  }));
  const engine = hereEngine();
  if (warm) warmUp((request) => (here || globalCall)('strengthCheck', request), whenIdle);
  return engine;
}

/**
 * Imports Go's wasm_exec.js from a URL (the <script>, Node and CommonJS
 * entries), checking that it defined Go.
 * @param {string} url
 */
export async function importGo(url) {
  try {
    await import(/* webpackIgnore: true */ /* @vite-ignore */ url);
  } catch (err) {
    throw new StartError('wasm_exec', url, err, 'it is Go\'s wasm_exec.js, shipped next to passmeter.wasm; set load({wasmExecURL}) if it lives elsewhere');
  }
  if (typeof globalThis.Go !== 'function') {
    throw new StartError('wasm_exec', url, 'it did not define Go', 'is it Go\'s wasm_exec.js?');
  }
}

/**
 * How this thread's module is called: its exports once started here (the
 * globals take no breach rule).
 * @type {((op: Op, request: unknown, rule?: number) => any) | null}
 */
let here = null;
/** @type {(op: Op, request: unknown) => any} */
const globalCall = (op, request) => globalThis[op](request);

function hasGlobals() {
  return typeof globalThis.strengthCheck === 'function' && typeof globalThis.securityLevel === 'function';
}

/** @returns {Engine} */
function hereEngine() {
  /** @type {(op: Op, request: object, rule?: number) => any} */
  const callSync = (op, request, rule) => {
    noteRealCall();
    return here ? here(op, request, rule) : globalCall(op, request);
  };
  return {
    thread: 'main',
    callSync,
    call: async (op, request, rule) => callSync(op, request, rule),
  };
}

/**
 * Instantiates module with Go's environment from goenv.js, runs the Go
 * program, waits for its globals and, for a module compiled without its
 * word lists, writes them in as they arrive (split.js). call is the caller
 * over its exports (null for a build without them); exited settles if the
 * program ends.
 * @param {new () => import('./goenv.js').GoInstance} Go the class wasm_exec.js defines
 * @param {WebAssembly.Module} module
 * @param {import("./split.js").TextFeed | null} [text]
 * @returns {Promise<{call: ((op: Op, request: unknown) => any) | null, exited: Promise<unknown>}>}
 */
export async function runModule(Go, module, text = null) {
  const go = newGo(Go);
  const instance = await WebAssembly.instantiate(module, go.importObject);
  hideStandIn(); // see goenv.js
  const exited = go.run(instance);
  await globalsReady(exited);
  if (text) await writeText(instance, text);
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

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];
const WASM_FIX = 'serve the package\'s dist/passmeter.wasm there, or say where it is with load({wasmURL})';

/**
 * A compiled module, and the feed of its word lists when they come apart
 * from it (split.js); null when the module holds them.
 * @typedef {{module: WebAssembly.Module, text: import("./split.js").TextFeed | null}} Compiled
 */

/**
 * Fetches and compiles the wasm: streaming where the server sends
 * application/wasm, the module compiled and started while its word lists
 * still download (split.js); from bytes otherwise, and from the file
 * system under Node for file: URLs. Compiling apart from instantiating
 * lets it run while wasm_exec.js still loads. Failures are StartErrors
 * that say what the server did wrong.
 * @param {string} url
 * @param {typeof splitDownload} [split] splitDownload, where the module may be started before its lists are in
 * @returns {Promise<Compiled>}
 */
export async function compile(url, split) {
  // The browser builds define __PASSMETER_BROWSER__, so this path falls away.
  if (!(typeof __PASSMETER_BROWSER__ !== 'undefined' && __PASSMETER_BROWSER__) && isNode && url.startsWith('file:')) {
    const fsName = 'node:fs/promises';
    const urlName = 'node:url';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsName);
    const { fileURLToPath } = await import(/* webpackIgnore: true */ /* @vite-ignore */ urlName);
    const bytes = await readFile(fileURLToPath(url)).catch((/** @type {unknown} */ err) => {
      throw new StartError('wasm', url, err, WASM_FIX);
    });
    return { module: await WebAssembly.compile(bytes), text: null };
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    const cross = typeof location !== 'undefined' && new URL(url, location.href).origin !== location.origin;
    throw new StartError('wasm', url, err, cross
      ? 'it is on another origin: that server must send Access-Control-Allow-Origin (CORS), or serve the package from this origin'
      : 'the request failed (network, or a Content-Security-Policy connect-src without this origin)');
  }
  if (!response.ok) throw new StartError('wasm', url, `HTTP ${response.status}`, WASM_FIX);
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    const parts = split && response.body ? split(response.body) : null;
    try {
      const module = await WebAssembly.compileStreaming(parts ? new Response(parts.head, { headers: { 'Content-Type': type } }) : response);
      return { module, text: parts && await parts.text };
    } catch (err) {
      throw compileFailure(url, err);
    }
  }
  return { module: await compileBytes(url, type, await response.arrayBuffer()), text: null };
}

/**
 * @param {string} url
 * @param {string} type the response's Content-Type
 * @param {ArrayBuffer} buffer
 */
async function compileBytes(url, type, buffer) {
  const head = new Uint8Array(buffer, 0, Math.min(4, buffer.byteLength));
  if (head.length < 4 || WASM_MAGIC.some((b, i) => head[i] !== b)) {
    const what = type === 'text/html' || /^\s*</.test(new TextDecoder().decode(head))
      ? `the server answered with an HTML page (Content-Type ${type || 'none'}), not the module`
      : `not a WebAssembly module (Content-Type ${type || 'none'})`;
    throw new StartError('wasm', url, what, WASM_FIX);
  }
  try {
    return await WebAssembly.compile(buffer);
  } catch (err) {
    throw compileFailure(url, err);
  }
}

/**
 * @param {string} url
 * @param {unknown} err what compiling threw
 */
function compileFailure(url, err) {
  // CSP without 'wasm-unsafe-eval' refuses compiling.
  return new StartError('wasm', url, err, /unsafe-eval|Content Security/i.test(String(err))
    ? 'the page\'s Content-Security-Policy must allow script-src \'wasm-unsafe-eval\''
    : WASM_FIX);
}

// ---- in a dedicated Worker -------------------------------------------------

/** The Trusted Types policy the shim starts its worker through. */
export const TRUSTED_TYPES_POLICY = 'passmeter';
/** @type {{createScriptURL: (url: string) => unknown} | null | undefined} undefined: not created yet, null: refused */
let policy;

/**
 * A script URL the Worker constructor takes under Trusted Types: created
 * through the "passmeter" policy for the URLs the shim chose, plain where
 * Trusted Types are not enforced.
 * @param {string} url
 * @returns {any}
 */
function scriptURL(url) {
  const tt = /** @type {any} */ (globalThis).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy(TRUSTED_TYPES_POLICY, { createScriptURL: (/** @type {string} */ u) => u });
    } catch {
      policy = null; // the page's trusted-types directive does not list it
    }
  }
  return policy ? policy.createScriptURL(url) : url;
}

/**
 * A dedicated Worker running the script at url. A worker script on another
 * origin (the package served from a CDN) cannot be started directly; a small
 * same-origin blob worker imports it instead (that needs worker-src blob:
 * where a CSP is set; a same-origin copy of the package needs nothing).
 * @param {string} url
 * @returns {(name: string) => Worker}
 */
export function workerFromURL(url) {
  return (name) => {
    const crossOrigin = typeof location !== 'undefined' && new URL(url).origin !== location.origin;
    if (!crossOrigin) return new Worker(scriptURL(url), { name });
    const boot = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'text/javascript' });
    const blobURL = URL.createObjectURL(boot);
    try {
      return new Worker(scriptURL(blobURL), { name });
    } finally {
      setTimeout(() => URL.revokeObjectURL(blobURL), 60000);
    }
  };
}

const WORKER_FIX = 'allow it with the Content-Security-Policy worker-src (and trusted-types passmeter where Trusted Types are enforced), serve passmeter.worker.js as JavaScript from this origin, or load({worker: false})';

/**
 * @param {Where} where
 * @param {() => void} forget called when the worker dies, so the next call restarts it
 * @returns {Promise<Engine>}
 */
function startWorker({ newWorker, workerName, wasmURL, wasmExecURL, wasmExecSet, warmUp: warm }, forget) {
  return new Promise((resolve, reject) => {
    /** @type {Worker} */
    let worker;
    try {
      worker = /** @type {(name: string) => Worker} */ (newWorker)('passmeter');
    } catch (err) {
      reject(new StartError('worker', workerName, err, WORKER_FIX));
      return;
    }
    let alive = false; // the worker script has run
    let ready = false;
    /** @type {string | Error | null} why the worker stopped */
    let dead = null;
    let nextID = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    const pending = new Map();

    /** @param {string | Error} why */
    const die = (why) => {
      if (dead) return;
      dead = why;
      forget();
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error(`passmeter: the worker stopped: ${why}`));
      pending.clear();
      if (ready) return;
      if (!alive) {
        const html = /Unexpected token '<'/.test(String(why)) ? '; the server answered with an HTML page, not the script' : '';
        reject(new StartError('worker', workerName, `it did not run (${why}${html})`, WORKER_FIX));
      } else {
        reject(why instanceof Error ? why : new StartError('module', wasmURL, why));
      }
    };

    worker.addEventListener('error', (ev) => {
      ev.preventDefault();
      die(ev.message || `the worker script failed to load or run`);
    });
    worker.addEventListener('messageerror', () => die('a message could not be read'));
    worker.addEventListener('message', (ev) => {
      const msg = ev.data || {};
      if (msg.type === 'alive') {
        alive = true;
      } else if (msg.type === 'ready') {
        alive = ready = true;
        resolve(engine);
      } else if (msg.type === 'failed' || msg.type === 'exited') {
        alive = true;
        const err = msg.part ? new StartError(msg.part, msg.where || wasmURL, msg.message, msg.fix) : null;
        die(err || msg.message || 'the Go program exited');
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
      thread: 'worker',
      callSync: null,
      call(op, request, rule = 0) {
        if (dead) return Promise.reject(new Error(`passmeter: the worker stopped: ${dead}`));
        return new Promise((res, rej) => {
          const id = nextID++;
          try {
            worker.postMessage({ id, op, request, rule });
          } catch (err) {
            rej(new TypeError(`passmeter.${op}: request: must be plain data (${err && /** @type {Error} */ (err).name})`));
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
    compile(wasmURL, splitDownload).then(({ module, text }) => {
      worker.postMessage({ type: 'module', module, text: text && { at: text.at, length: text.length } });
      if (text) {
        text.drain((piece) => worker.postMessage({ type: 'text', piece }))
          .catch((err) => worker.postMessage({ type: 'text', error: String(err && err.message) }));
      }
    }, () => worker.postMessage({ type: 'module', module: null }));
  });
}
