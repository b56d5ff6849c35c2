// Cold-load page script (make bench, browser part): starts the library the
// way a sign-up page does and records navigation -> first score.
// window.__first resolves to {ms, score, resources}; ms is performance.now()
// when the first score is in hand, i.e. milliseconds since navigation start.
(() => {
  const lib = document.currentScript.dataset.lib;
  const PW = 'Tr0ub4dour&3';
  let done;
  window.__first = new Promise((r) => { done = r; });
  const finish = (score) => {
    const ms = performance.now();
    const resources = performance.getEntriesByType('resource').map((e) => ({
      name: new URL(e.name).pathname, start: e.startTime, responseStart: e.responseStart,
      responseEnd: e.responseEnd, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    }));
    const nav = performance.getEntriesByType('navigation')[0];
    done({ ms, score, resources, responseEnd: nav && nav.responseEnd });
  };
  const fail = (err) => done({ error: String((err && err.message) || err) });
  try {
    if (lib === 'passmeter-main' || lib === 'passmeter-worker') {
      passmeter.load({ worker: lib === 'passmeter-worker', autoAttach: false, hibp: { enabled: false } })
        .then((pm) => pm.strengthCheck({ password: PW }))
        .then((r) => finish(r.score), fail);
    } else if (lib === 'zxcvbn') {
      finish(zxcvbn(PW).score);
    } else if (lib === 'zxcvbn-ts') {
      finish(zxcvbnts.check(PW).score);
    } else {
      fail(new Error(`unknown lib ${lib}`));
    }
  } catch (err) {
    fail(err);
  }
})();
