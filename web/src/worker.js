// The dedicated Worker: loads Go's wasm_exec.js and the module, then answers
// tagged requests {id, op, request} with {id, result} or {id, error}.
// Messages: in {type:'init', wasmURL, wasmExecURL}; out {type:'ready'},
// {type:'failed', message}, {type:'exited', message}.

import { instantiate, globalsReady } from './engine.js';

const OPS = new Set(['strengthCheck', 'securityLevel']);
let started = null;
let exited = false;

async function start({ wasmURL, wasmExecURL }) {
  if (typeof self.Go !== 'function') self.importScripts(wasmExecURL);
  const go = new self.Go();
  const instance = await instantiate(wasmURL, go.importObject);
  const done = go.run(instance);
  done.then(() => {
    exited = true;
    self.postMessage({ type: 'exited', message: 'the Go program exited' });
  });
  await globalsReady(done);
}

self.addEventListener('message', (ev) => {
  const msg = ev.data || {};
  if (msg.type === 'init') {
    if (started) return;
    started = start(msg).then(
      () => self.postMessage({ type: 'ready' }),
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
