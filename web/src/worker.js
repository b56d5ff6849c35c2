// The dedicated Worker: loads Go's wasm_exec.js and the module, then answers
// tagged requests {id, op, request} with {id, result} or {id, error}.
// Messages: in {type:'init', wasmURL, wasmExecURL, moduleFollows} and then,
// if moduleFollows, {type:'module', module} (null: compile it here); out {type:'ready'},
// {type:'failed', message}, {type:'exited', message}.

import { compile, globalsReady } from './engine.js';

const OPS = new Set(['strengthCheck', 'securityLevel']);
let started = null;
let exited = false;

// handedModule resolves to the module the page compiled, or null when it
// could not, after which the worker compiles one itself.
let handModule;
const handedModule = new Promise((resolve) => { handModule = resolve; });

async function start({ wasmURL, wasmExecURL, moduleFollows }) {
  // The module is fetched and compiled while wasm_exec.js loads: by the
  // page, which posts it over, or else here.
  const compiled = moduleFollows
    ? handedModule.then((m) => m || compile(wasmURL))
    : compile(wasmURL);
  compiled.catch(() => {}); // awaited below; not unhandled meanwhile
  if (typeof self.Go !== 'function') self.importScripts(wasmExecURL);
  const go = new self.Go();
  const instance = await WebAssembly.instantiate(await compiled, go.importObject);
  const done = go.run(instance);
  done.then(() => {
    exited = true;
    self.postMessage({ type: 'exited', message: 'the Go program exited' });
  });
  await globalsReady(done);
}

self.addEventListener('message', (ev) => {
  const msg = ev.data || {};
  if (msg.type === 'module') {
    handModule(msg.module instanceof WebAssembly.Module ? msg.module : null);
    return;
  }
  if (msg.type === 'init') {
    if (started) return;
    started = start(msg).then(
      () => {
        self.postMessage({ type: 'ready' });
        warmUp();
      },
      (err) => self.postMessage({ type: 'failed', message: String((err && err.message) || err) }),
    );
    return;
  }
  if (typeof msg.id !== 'number') return;
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
    result = self[msg.op](msg.request);
  } catch (err) {
    // Never echo the request: it holds the password.
    self.postMessage({ id: msg.id, error: `${msg.op} failed: ${(err && err.name) || 'Error'}` });
    return;
  }
  self.postMessage({ id: msg.id, result });
});

// warmUp scores one made-up password right after start, while the user has
// typed nothing yet: the engine builds its word index and V8 compiles the
// hot functions now, not on the first keystroke. A request that arrives
// meanwhile waits no longer than it would have for the same work.
function warmUp() {
  try {
    self.strengthCheck({ password: 'Warm-up 1987 qwerty p@ssw0rd' });
  } catch {
    // the first real request reports any fault
  }
}
