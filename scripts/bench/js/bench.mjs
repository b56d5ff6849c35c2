// Times the npm package zxcvbn@4.4.2 under Node on the inputs make bench
// measures (scripts/bench/inputs), the same way scripts/bench/native times
// passmeter: runs of a calibrated number of calls until at least MIN ms and
// 3 runs, median time per call over the runs.
//
//   node bench.mjs <inputs.json> <out.json> [capSeconds]
//
// Each (category, length) case runs in its own worker thread with a cap on
// its total time (default 15 s): the worker stops before a run that would
// pass the cap, and the parent terminates it at the cap, so one slow case
// cannot stall the rest. A case with no complete call within the cap is
// "capped". Lengths go up within a category; once a case is capped, or its
// time extrapolated to the next length passes the cap (growth as measured
// between the two lengths before, at least linear), the longer lengths are
// not run ("skipped").

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const MIN_CASE_MS = 200;
const MIN_TYPICAL_MS = 30;

// measure mirrors scripts/bench/native's measure: wall time, and the
// process's CPU time (every thread: V8's collector and compilers count).
function measure(zxcvbn, pw, minMs, capMs, onRun) {
  const start = performance.now();
  const c0 = process.cpuUsage();
  const r = zxcvbn(pw); // warm-up and calibration
  const one = performance.now() - start;
  const oneCpu = cpuMs(process.cpuUsage(c0));
  onRun?.(one, oneCpu, r);
  const calls = Math.max(1, Math.floor(minMs / 10 / Math.max(one, 1e-6)));
  const perCall = [];
  const cpuPerCall = [];
  let total = 0;
  let last = one * calls;
  while (perCall.length < 3 || (total < minMs && perCall.length < 100)) {
    if (capMs && performance.now() - start + last > capMs) break;
    const t = performance.now();
    const c = process.cpuUsage();
    for (let i = 0; i < calls; i++) zxcvbn(pw);
    last = performance.now() - t;
    const dc = cpuMs(process.cpuUsage(c));
    total += last;
    perCall.push(last / calls);
    cpuPerCall.push(dc / calls);
    onRun?.(last / calls, dc / calls, r);
  }
  // With no run after the calibration call (slow passwords near the cap),
  // that call is the measurement.
  return {
    ns_op: (perCall.length ? median(perCall) : one) * 1e6,
    cpu_ns_op: (perCall.length ? median(cpuPerCall) : oneCpu) * 1e6,
    runs: perCall.length || 1,
    calls_per_run: perCall.length ? calls : 1,
    score: r.score,
    guesses_log10: r.guesses_log10,
  };
}

const cpuMs = (u) => (u.user + u.system) / 1e3;

// predictSkip decides whether the next length need not run: its time,
// extrapolated from this row's time with the growth measured since the
// previous length (at least linear), passes the cap. It returns null (run
// it) or {reason, predict(length) → ms}.
function predictSkip(prev, row, next, capMs) {
  if (row.status !== 'ok') return null;
  let k = 1;
  if (prev?.status === 'ok' && row.ns_op > prev.ns_op) k = Math.max(1, Math.log(row.ns_op / prev.ns_op) / Math.log(row.length / prev.length));
  const predict = (n) => (row.ns_op / 1e6) * (n / row.length) ** k;
  if (predict(next) <= capMs) return null;
  return { reason: `extrapolated from ${row.length} characters (${(row.ns_op / 1e9).toFixed(2)} s) with growth ~n^${k.toFixed(1)}`, predict };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

if (!isMainThread) {
  const zxcvbn = require('zxcvbn');
  zxcvbn('warm-up');
  parentPort.postMessage({ type: 'ready' });
  const { password, capMs } = workerData;
  // Slow runs are reported as they finish, so that a run cut by the cap
  // still leaves the ones before it.
  const res = measure(zxcvbn, password, MIN_CASE_MS, capMs, (ms, cpu, r) => {
    if (ms > 100) parentPort.postMessage({ type: 'run', ms, cpu, score: r.score, guesses_log10: r.guesses_log10 });
  });
  parentPort.postMessage({ type: 'done', res });
} else {
  await main();
}

function runCase(password, capMs) {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { password, capMs } });
    const runs = [];
    const cpus = [];
    let done = false;
    let timer;
    let r;
    w.on('message', (m) => {
      if (m.type === 'ready') {
        timer = setTimeout(() => w.terminate(), capMs);
      } else if (m.type === 'run') {
        runs.push(m.ms);
        cpus.push(m.cpu);
        r = m;
      } else if (m.type === 'done') {
        done = true;
        clearTimeout(timer);
        resolve({ status: 'ok', ...m.res });
        w.terminate();
      }
    });
    w.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    w.on('exit', () => {
      clearTimeout(timer);
      // Terminated at the cap: the complete slow runs so far, the
      // calibration call only if it is alone.
      if (done) return;
      if (runs.length === 0) return resolve({ status: 'capped' });
      const k = runs.length > 1 ? 1 : 0;
      resolve({ status: 'ok', ns_op: median(runs.slice(k)) * 1e6, cpu_ns_op: median(cpus.slice(k)) * 1e6, runs: runs.length - k, calls_per_run: 1, score: r.score, guesses_log10: r.guesses_log10, cut: true });
    });
  });
}

async function main() {
  const [inFile, outFile, capArg] = process.argv.slice(2);
  const capMs = (Number(capArg) || 15) * 1000;
  const inputs = JSON.parse(readFileSync(inFile, 'utf8'));
  const zxcvbn = require('zxcvbn');
  const out = {
    node_version: process.version,
    zxcvbn_version: require('zxcvbn/package.json').version,
    cap_ms: capMs,
    typical: [],
    cases: [],
  };

  // Typical passwords, in this thread: one untimed pass first so that the
  // JIT has seen the code paths, then each password on its own.
  for (const p of inputs.typical) zxcvbn(p);
  for (const p of inputs.typical) out.typical.push({ password: p, ...measure(zxcvbn, p, MIN_TYPICAL_MS) });
  console.error(`js: ${out.typical.length} typical passwords timed`);

  for (const cat of inputs.categories) {
    let skip = null; // why the longer lengths are not run
    let prev = null;
    for (const c of inputs.cases.filter((c) => c.category === cat).sort((a, b) => a.length - b.length)) {
      let res;
      if (skip) {
        res = { status: 'skipped', reason: skip.reason, predicted_ms: skip.predict?.(c.length) };
      } else {
        res = await runCase(c.password, capMs);
        if (res.status === 'capped') skip = { reason: `${cat}/${c.length} passed the cap` };
      }
      const row = { category: cat, length: c.length, ...res };
      out.cases.push(row);
      const msg = res.status === 'ok' ? `${(res.ns_op / 1e6).toFixed(3)} ms/op (${res.runs} runs)` : res.status + (res.predicted_ms ? ` (predicted ${(res.predicted_ms / 1e3).toFixed(0)} s)` : '');
      console.error(`js: ${cat.padEnd(8)} ${String(c.length).padStart(5)}  ${msg}`);
      const next = inputs.lengths[inputs.lengths.indexOf(c.length) + 1];
      if (!skip && next) skip = predictSkip(prev, row, next, capMs);
      prev = row;
    }
  }
  writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
}
