// Start-up phases of passmeter.wasm on the main thread, step by step, with
// Go's wasm_exec.js (loaded by the page): download, compile, instantiate,
// go.run until the globals exist, then the first calls of the raw global.
// ?streaming=1 compiles while downloading (instantiateStreaming), as the shim does.
(() => {
  const streaming = new URLSearchParams(location.search).get('streaming') === '1';
  const now = () => performance.now();
  window.__phases = (async () => {
    const t = { navToScript: now() };
    const go = new Go();
    let inst;
    let t0 = now();
    if (streaming) {
      const r = await WebAssembly.instantiateStreaming(fetch('passmeter/passmeter.wasm'), go.importObject);
      inst = r.instance;
      t.streamingCompileInstantiate = now() - t0;
    } else {
      const resp = await fetch('passmeter/passmeter.wasm');
      const bytes = await resp.arrayBuffer();
      t.download = now() - t0;
      t0 = now();
      const mod = await WebAssembly.compile(bytes);
      t.compile = now() - t0;
      t0 = now();
      inst = await WebAssembly.instantiate(mod, go.importObject);
      t.instantiate = now() - t0;
    }
    t.memAfterInstantiate = inst.exports.mem.buffer.byteLength;
    t0 = now();
    go.run(inst);
    t.runSync = now() - t0;
    while (typeof globalThis.strengthCheck !== 'function' || typeof globalThis.securityLevel !== 'function') {
      await new Promise((r) => setTimeout(r, 0));
    }
    t.runToGlobals = now() - t0;
    t.memAfterStart = inst.exports.mem.buffer.byteLength;
    const calls = [];
    for (const p of ['Tr0ub4dour&3', 'correct horse battery staple', 'qwerty123', 'Tr0ub4dour&3']) {
      t0 = now();
      globalThis.strengthCheck({ password: p });
      calls.push(now() - t0);
    }
    t.calls = calls;
    t.memAfterCalls = inst.exports.mem.buffer.byteLength;
    return t;
  })().catch((err) => ({ error: String((err && err.message) || err) }));
})();
