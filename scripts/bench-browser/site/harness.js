// Bench page script (make bench, browser part): window.bench, driven by
// scripts/bench-browser/bench.mjs through page.evaluate. Each library is
// called the way it is used: passmeter through load() and strengthCheck
// (on this thread, or the worker round trip), zxcvbn.js and zxcvbn-ts
// synchronously on this thread. Long passwords for the two JS libraries run
// in a worker that is terminated at the cap (cap-worker.js).
(() => {
  const lib = document.currentScript.dataset.lib;

  // The wasm instance(s) started on this thread, for the memory readings.
  const instances = [];
  const keep = (r) => {
    instances.push(r instanceof WebAssembly.Instance ? r : r.instance);
    return r;
  };
  const origStreaming = WebAssembly.instantiateStreaming;
  const origInstantiate = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => origStreaming.apply(WebAssembly, a).then(keep);
  WebAssembly.instantiate = (...a) => origInstantiate.apply(WebAssembly, a).then(keep);

  let check; // how the library is called: may return a Promise
  let sync = null; // the synchronous call, where there is one

  async function load() {
    const t0 = performance.now();
    if (lib === 'passmeter-main' || lib === 'passmeter-worker') {
      const worker = lib === 'passmeter-worker';
      const pm = await passmeter.load({
        worker,
        autoAttach: false,
        hibp: { enabled: false },
        // the same worker, wrapped so the bench can read its wasm memory
        workerURL: worker ? new URL('bench-worker.js', location.href).href : undefined,
      });
      check = (p) => pm.strengthCheck({ password: p });
      if (!worker) sync = (p) => pm.strengthCheckSync({ password: p });
    } else if (lib === 'zxcvbn') {
      check = sync = (p) => zxcvbn(p);
    } else if (lib === 'zxcvbn-ts') {
      check = sync = (p) => zxcvbnts.check(p);
    } else {
      throw new Error(`unknown lib ${lib}`);
    }
    return performance.now() - t0;
  }

  /** Calls the library once per password, in order; per-call ms and scores. */
  async function series(passwords, useSync = false) {
    const f = useSync ? sync : check;
    const times = new Array(passwords.length);
    const scores = new Array(passwords.length);
    for (let i = 0; i < passwords.length; i++) {
      const t0 = performance.now();
      let r = f(passwords[i]);
      if (r && typeof r.then === 'function') r = await r;
      times[i] = performance.now() - t0;
      scores[i] = r.score;
    }
    return { times, scores };
  }

  /** The raw global strengthCheck (passmeter on this thread): per-call ms. */
  function raw(passwords) {
    const times = new Array(passwords.length);
    for (let i = 0; i < passwords.length; i++) {
      const t0 = performance.now();
      globalThis.strengthCheck({ password: passwords[i] });
      times[i] = performance.now() - t0;
    }
    return { times };
  }

  /**
   * passmeter on this thread: strengthCheckSync and the raw global on the
   * same passwords, alternating which goes first, so neither is warmer.
   */
  function pair(passwords) {
    const shim = new Array(passwords.length);
    const rawT = new Array(passwords.length);
    for (let i = 0; i < passwords.length; i++) {
      for (const which of i % 2 ? ['raw', 'shim'] : ['shim', 'raw']) {
        const t0 = performance.now();
        if (which === 'raw') globalThis.strengthCheck({ password: passwords[i] });
        else sync(passwords[i]);
        const dt = performance.now() - t0;
        if (which === 'raw') rawT[i] = dt;
        else shim[i] = dt;
      }
    }
    return { shim, raw: rawT };
  }

  /** Every prefix of pw, as typed. */
  function typing(pw) {
    const prefixes = [];
    for (let i = 1; i <= pw.length; i++) prefixes.push(pw.slice(0, i));
    return series(prefixes);
  }

  /** One password, repeated up to reps times while the total stays under budgetMs. */
  async function repeat(pw, reps, budgetMs) {
    const times = [];
    let total = 0;
    let score;
    while (times.length < reps && (times.length === 0 || total < budgetMs)) {
      const t0 = performance.now();
      let r = check(pw);
      if (r && typeof r.then === 'function') r = await r;
      const dt = performance.now() - t0;
      times.push(dt);
      total += dt;
      score = r.score;
    }
    return { times, score };
  }

  // ---- capped runs in a worker (zxcvbn.js, zxcvbn-ts) ----
  let capWorker = null;
  let capReady = null;
  function startCapWorker() {
    capWorker = new Worker(`cap-worker.js?lib=${encodeURIComponent(lib)}`);
    capReady = new Promise((ok, fail) => {
      capWorker.onmessage = (ev) => (ev.data.type === 'ready' ? ok() : fail(new Error('cap worker: ' + ev.data.type)));
      capWorker.onerror = (ev) => fail(new Error('cap worker: ' + ev.message));
    });
  }
  /** {times, score} or {capped: true} once capMs pass; the worker is then replaced. */
  async function capped(pw, reps, budgetMs, capMs) {
    if (!capWorker) startCapWorker();
    await capReady;
    return new Promise((ok) => {
      const timer = setTimeout(() => {
        capWorker.terminate();
        capWorker = null;
        ok({ capped: true });
      }, capMs);
      capWorker.onmessage = (ev) => {
        clearTimeout(timer);
        ok(ev.data);
      };
      capWorker.postMessage({ pw, reps, budgetMs });
    });
  }

  function wasmBytes() {
    return instances.reduce((n, i) => n + (i.exports.mem ? i.exports.mem.buffer.byteLength : 0), 0);
  }

  async function measureMemory() {
    if (typeof performance.measureUserAgentSpecificMemory !== 'function') return null;
    try {
      return await performance.measureUserAgentSpecificMemory();
    } catch (err) {
      return { error: String(err && err.message) };
    }
  }

  window.bench = { lib, load, series, raw, pair, typing, repeat, capped, wasmBytes, measureMemory };
})();
