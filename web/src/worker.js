// The dedicated Worker: starts the module with Go's wasm_exec.js (bundled
// in by web/build.mjs; a wasmExecURL the page set is loaded instead), then answers
// tagged requests {id, op, request, rule} (rule: the breach rule's bits) with {id, result} or {id, error}.
// Messages: out {type:'alive'} at once; in {type:'init', wasmURL, wasmExecURL, wasmExecSet, moduleFollows, warmUp} and then,
// if moduleFollows, {type:'module', module, text} (module null: compile it here; text {at, length}: the word
// lists follow as {type:'text', piece} or {type:'text', error}, see split.js); out {type:'ready'},
// {type:'failed', message, part?, where?, fix?}, {type:'exited', message}.

import { compile, runModule, StartError } from './engine.js';
import { textFeed } from './split.js';
import { warmUp, whenIdle, noteRealCall } from './warmup.js';

/**
 * The message that starts the worker.
 * @typedef {object} Init
 * @property {string} wasmURL
 * @property {string} wasmExecURL
 * @property {boolean} wasmExecSet
 * @property {boolean} moduleFollows
 * @property {boolean} [warmUp]
 */

const OPS = new Set(['strengthCheck', 'securityLevel']);
/** @type {Promise<void> | null} */
let started = null;
let exited = false;
/**
 * The module's exports, or the globals for a build without them.
 * @type {(op: import('./exports.js').Op, request: unknown, rule?: number) => any}
 */
let call = (op, request) => self[op](request);

// handedModule resolves to the module the page compiled, or null when it
// could not, after which the worker compiles one itself.
/** @type {(compiled: import('./engine.js').Compiled | null) => void} */
let handModule = () => {};
/** @type {Promise<import('./engine.js').Compiled | null>} */
const handedModule = new Promise((resolve) => { handModule = resolve; });
/** @type {import('./split.js').TextFeed | null} the word lists the page passes on */
let feed = null;

/** @param {Init} init */
async function start({ wasmURL, wasmExecURL, wasmExecSet, moduleFollows }) {
  // The module is fetched and compiled while wasm_exec.js loads: by the
  // page, which posts it over, or else here.
  const compiled = moduleFollows
    ? handedModule.then((m) => m || compile(wasmURL))
    : compile(wasmURL);
  compiled.catch(() => {}); // awaited below; not unhandled meanwhile
  if (wasmExecSet || typeof self.Go !== 'function') {
    try {
      // a worker's global (tsc checks this file with the DOM's types, not a worker's)
      /** @type {{importScripts: (url: string) => void}} */ (/** @type {unknown} */ (self)).importScripts(wasmExecURL);
    } catch (err) {
      throw new StartError('wasm_exec', wasmExecURL, err);
    }
  }
  const { module, text } = await compiled;
  // Go: bundled in, or wasm_exec.js just loaded
  const running = await runModule(/** @type {NonNullable<typeof self.Go>} */ (self.Go), module, text);
  running.exited.then(() => {
    exited = true;
    self.postMessage({ type: 'exited', message: 'the Go program exited' });
  });
  call = running.call || call;
}

// Tells the page that this script runs: a worker that fails before this
// (blocked, or an HTML page where the script should be) is the page's to
// work around.
self.postMessage({ type: 'alive' });

self.addEventListener('message', (ev) => {
  const msg = ev.data || {};
  if (msg.type === 'module') {
    if (msg.module instanceof WebAssembly.Module) {
      feed = msg.text ? textFeed(msg.text.at, msg.text.length) : null;
      handModule({ module: msg.module, text: feed });
    } else {
      handModule(null);
    }
    return;
  }
  if (msg.type === 'text') {
    if (!feed) return;
    if (msg.piece instanceof Uint8Array) feed.push(msg.piece);
    else feed.fail(new Error(`the page could not download the module's word lists: ${msg.error}`));
    return;
  }
  if (msg.type === 'init') {
    if (started) return;
    started = start(msg).then(
      () => {
        self.postMessage({ type: 'ready' });
        // Requests are answered between the warm-up's slices, and it
        // pauses while they keep coming.
        if (msg.warmUp !== false) warmUp((request) => call('strengthCheck', request), whenIdle);
      },
      (err) => self.postMessage(err instanceof StartError
        ? { type: 'failed', part: err.part, where: err.where, message: String(err.cause && /** @type {Error} */ (err.cause).message || err.cause), fix: err.fix }
        : { type: 'failed', message: String((err && err.message) || err) }),
    );
    return;
  }
  if (typeof msg.id !== 'number') return;
  noteRealCall();
  if (!OPS.has(msg.op)) {
    self.postMessage({ id: msg.id, error: `unknown operation ${String(msg.op)}` });
    return;
  }
  if (exited) {
    self.postMessage({ id: msg.id, error: 'the Go program exited' });
    return;
  }
  let result;
  try {
    result = call(msg.op, msg.request, typeof msg.rule === 'number' ? msg.rule : 0);
  } catch (err) {
    // Never echo the request: it holds the password.
    self.postMessage({ id: msg.id, error: `${msg.op} failed: ${(err && /** @type {Error} */ (err).name) || 'Error'}` });
    return;
  }
  self.postMessage({ id: msg.id, result });
});
