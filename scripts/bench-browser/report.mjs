#!/usr/bin/env node
// Turns bench.mjs's numbers into BENCHMARKS.md's "## WASM" and "## Browser"
// sections, replacing them in place (the rest of the file is
// scripts/bench/report's). Run after it in make bench, or alone to redo
// the text from the last measurement.
//   node scripts/bench-browser/report.mjs [--in .bench/browser.json] [--out BENCHMARKS.md]
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const d = JSON.parse(await readFile(opt('--in', join(root, '.bench', 'browser.json')), 'utf8'));
const outPath = opt('--out', join(root, 'BENCHMARKS.md'));

// ---- helpers ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const max = (xs) => Math.max(...xs);
const min = (xs) => Math.min(...xs);
const sig = (x, n = 3) => {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 10 ** n) return Math.round(x).toLocaleString('en-US');
  const dec = Math.max(0, n - 1 - Math.floor(Math.log10(a)));
  return x.toFixed(dec);
};
const ms = (x) => (x === Infinity ? `> ${sig(d.capMs / 1000)} s` : sig(x));
const int = (x) => (x === null || x === undefined ? '—' : Math.round(x).toLocaleString('en-US'));
const mib = (b) => (b === null || b === undefined ? '—' : `${sig(b / 2 ** 20)} MiB`);
const kb = (b) => `${sig(b / 1000)} kB`;
const ratio = (a, b) => (a === Infinity || !(b > 0) ? '—' : b === Infinity ? `< ${sig(a / d.capMs, 2)}×` : `${sig(a / b, 2)}×`);
const range = (xs, f = sig) => `${f(median(xs))} (${f(min(xs))}–${f(max(xs))})`;
const met = (ok) => (ok ? '**met**' : '**missed**');
const CAP = `> ${sig(d.capMs / 1000)} s`;

const V = d.variants;
const PM = V['passmeter-main'];
const PW = V['passmeter-worker'];
const ZX = V.zxcvbn;
const TS = V['zxcvbn-ts'];
const names = {
  'passmeter-main': 'passmeter, main thread',
  'passmeter-worker': 'passmeter, worker',
  zxcvbn: `zxcvbn.js ${d.versions.zxcvbn}`,
  'zxcvbn-ts': `zxcvbn-ts ${d.versions.zxcvbnTs.core}`,
};
const order = ['passmeter-main', 'passmeter-worker', 'zxcvbn', 'zxcvbn-ts'];
const coldMs = (v) => d.cold[v].map((c) => c.ms);
const slowMs = (v) => (d.coldThrottled ? d.coldThrottled[v].map((c) => c.ms) : []);
const slowName = () => `${d.throttle.downMbit} Mbit/s down, ${d.throttle.upMbit} up, ${d.throttle.latencyMs} ms RTT`;
const wireBytes = (v) => median(d.cold[v].map((c) => c.wire.reduce((n, w) => n + w.bytes, 0)));
const caseMs = (row) => (row.capped ? Infinity : median(row.times));
const longOf = (r, len) => r.long.filter((x) => x.length === len);
const typingWarm = (r) => r.typingWarm.flatMap((t) => t.times);
const worstCase = (r, len) => max(longOf(r, len).map(caseMs));
const medianCase = (r, len) => median(longOf(r, len).map(caseMs));
const heap = (m) => m.heap.usedSize;
const uaWorker = (m) => {
  const b = m.uaMemory && m.uaMemory.breakdown;
  if (!b) return null;
  return b.filter((e) => e.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope')).reduce((n, e) => n + e.bytes, 0);
};

// ---- WASM ----
const S = d.sizes;
const pmFiles = [
  ['passmeter.wasm', 'passmeter/passmeter.wasm'],
  ['wasm_exec.js (Go\'s)', 'passmeter/wasm_exec.js'],
  ['passmeter.js (the shim, one script tag)', 'passmeter/passmeter.js'],
  ['passmeter.worker.js', 'passmeter/passmeter.worker.js'],
];
// What a first score fetches: the worker has wasm_exec.js built in; the
// main thread loads Go's file instead.
const workerSet = ['passmeter/passmeter.wasm', 'passmeter/passmeter.js', 'passmeter/passmeter.worker.js'];
const mainSet = ['passmeter/passmeter.wasm', 'passmeter/passmeter.js', 'passmeter/wasm_exec.js'];
const sumOf = (set, k) => set.reduce((n, f) => n + S[f][k], 0);
const firstScoreBr = sumOf(workerSet, 'brotli');
const BAR_BYTES = 800_000; // issue 15
const wasm = [];
const p = (s) => wasm.push(s);
const cs = d.chromiumStartup;
const ns = d.nodeStartup;
const ne = d.nodeStartupEager;
const col = (list, k) => list.map((t) => t[k]);
const colSum = (list, ks) => list.map((t) => ks.reduce((n, k) => n + t[k], 0));
const callN = (list, i) => list.map((t) => t.calls[i]);

p('## WASM\n\n');
p(`Measured by \`scripts/bench-browser/\` (part of \`make bench\`) on ${d.date.slice(0, 16).replace('T', ' ')} UTC, on the machine above: ${d.chromium}, Node ${d.node}. `);
p('Sizes are of `web/dist` as built; gzip is level 9 and brotli quality 11 (the `.gz` and `.br` siblings a server sends).\n\n');
p('| file | raw bytes | gzip -9 | brotli -q 11 |\n| --- | ---: | ---: | ---: |\n');
for (const [label, f] of pmFiles) p(`| ${label} | ${int(S[f].raw)} | ${int(S[f].gzip)} | ${int(S[f].brotli)} |\n`);
p(`| **first score, worker (the default): the .wasm, passmeter.js and the worker (wasm_exec.js is built into it)** | ${int(sumOf(workerSet, 'raw'))} | ${int(sumOf(workerSet, 'gzip'))} | **${int(firstScoreBr)}** |\n`);
p(`| first score, main thread (\`worker: false\`): the .wasm, passmeter.js and wasm_exec.js | ${int(sumOf(mainSet, 'raw'))} | ${int(sumOf(mainSet, 'gzip'))} | ${int(sumOf(mainSet, 'brotli'))} |\n`);
p(`| for comparison: zxcvbn.js ${d.versions.zxcvbn} (\`dist/zxcvbn.js\`) | ${int(S['zxcvbn/zxcvbn.js'].raw)} | ${int(S['zxcvbn/zxcvbn.js'].gzip)} | ${int(S['zxcvbn/zxcvbn.js'].brotli)} |\n`);
p(`| for comparison: zxcvbn-ts ${d.versions.zxcvbnTs.core} + language-common ${d.versions.zxcvbnTs['language-common']} + language-en ${d.versions.zxcvbnTs['language-en']} (esbuild, minified) | ${int(S['zxcvbn-ts/zxcvbn-ts.js'].raw)} | ${int(S['zxcvbn-ts/zxcvbn-ts.js'].gzip)} | ${int(S['zxcvbn-ts/zxcvbn-ts.js'].brotli)} |\n\n`);
p(`**Download bar** (first score ≤ ${BAR_BYTES / 1000} KB, brotli): ${met(firstScoreBr <= BAR_BYTES)}. The whole first-score download is ${int(firstScoreBr)} bytes (${kb(firstScoreBr)}, ${sig(firstScoreBr / 1024)} KiB); `);
p(`the .wasm alone is ${int(S['passmeter/passmeter.wasm'].brotli)} bytes of it (${sig((100 * S['passmeter/passmeter.wasm'].brotli) / firstScoreBr)} %)`);
p(firstScoreBr > BAR_BYTES ? `, so the bar needs the .wasm ${int(firstScoreBr - BAR_BYTES)} bytes (${sig((100 * (firstScoreBr - BAR_BYTES)) / S['passmeter/passmeter.wasm'].brotli)} %) smaller under brotli; the JavaScript is ${int(firstScoreBr - S['passmeter/passmeter.wasm'].brotli)} bytes.\n\n` : '.\n\n');

p(`**Start-up**: medians of ${ns.length} fresh browsers (a new profile each) and ${ns.length} fresh Node processes, min–max in brackets, ms. The steps are done by hand with Go's \`wasm_exec.js\` (\`scripts/bench-browser/site/phases.js\`, \`node-startup.mjs\`): fetch the .wasm (brotli, from 127.0.0.1) or read it, \`WebAssembly.compile\`, \`WebAssembly.instantiate\`, \`go.run\` until \`strengthCheck\` and \`securityLevel\` exist, then calls of the raw global. `);
p('V8 compiles wasm lazily (a function when first called, with the baseline compiler Liftoff, optimised later by TurboFan in the background), so some compiling shows in the run and the first calls; the "eager" columns compile every function before instantiating (`--no-wasm-lazy-compilation`) and tell the two apart.\n\n');
p('| step | Chromium | Chromium, eager compile | Node | Node, eager compile |\n| --- | ---: | ---: | ---: | ---: |\n');
p(`| fetch + arrayBuffer / read file | ${range(col(cs.bytes, 'download'))} | ${range(col(cs.eager, 'download'))} | ${range(col(ns, 'read'))} | ${range(col(ne, 'read'))} |\n`);
p(`| compile | ${range(col(cs.bytes, 'compile'))} | ${range(col(cs.eager, 'compile'))} | ${range(col(ns, 'compile'))} | ${range(col(ne, 'compile'))} |\n`);
p(`| instantiate | ${range(col(cs.bytes, 'instantiate'))} | ${range(col(cs.eager, 'instantiate'))} | ${range(col(ns, 'instantiate'))} | ${range(col(ne, 'instantiate'))} |\n`);
p(`| go.run until the globals exist | ${range(col(cs.bytes, 'runToGlobals'))} | ${range(col(cs.eager, 'runToGlobals'))} | ${range(col(ns, 'runToGlobals'))} | ${range(col(ne, 'runToGlobals'))} |\n`);
p(`| **instantiate → globals present** | **${range(colSum(cs.bytes, ['instantiate', 'runToGlobals']))}** | ${range(colSum(cs.eager, ['instantiate', 'runToGlobals']))} | **${range(colSum(ns, ['instantiate', 'runToGlobals']))}** | ${range(colSum(ne, ['instantiate', 'runToGlobals']))} |\n`);
p(`| compile + instantiate + run | ${range(colSum(cs.bytes, ['compile', 'instantiate', 'runToGlobals']))} | ${range(colSum(cs.eager, ['compile', 'instantiate', 'runToGlobals']))} | ${range(colSum(ns, ['compile', 'instantiate', 'runToGlobals']))} | ${range(colSum(ne, ['compile', 'instantiate', 'runToGlobals']))} |\n`);
p(`| first strengthCheck (\`Tr0ub4dour&3\`; builds the word index once) | ${range(callN(cs.bytes, 0))} | ${range(callN(cs.eager, 0))} | ${range(callN(ns, 0))} | ${range(callN(ne, 0))} |\n`);
p(`| second call (\`correct horse battery staple\`) | ${range(callN(cs.bytes, 1))} | ${range(callN(cs.eager, 1))} | ${range(callN(ns, 1))} | ${range(callN(ne, 1))} |\n`);
p(`| fourth call (\`Tr0ub4dour&3\` again) | ${range(callN(cs.bytes, 3))} | ${range(callN(cs.eager, 3))} | ${range(callN(ns, 3))} | ${range(callN(ne, 3))} |\n`);
p(`| wasm memory after start / after the calls | ${mib(median(col(cs.bytes, 'memAfterStart')))} / ${mib(median(col(cs.bytes, 'memAfterCalls')))} | | ${mib(median(col(ns, 'memAfterStart')))} / ${mib(median(col(ns, 'memAfterCalls')))} | |\n\n`);
p(`As the shim does it (\`WebAssembly.instantiateStreaming\`, compiling while the bytes arrive), fetch + compile + instantiate took ${range(col(cs.streaming, 'streamingCompileInstantiate'))} ms in Chromium, and go.run until the globals ${range(col(cs.streaming, 'runToGlobals'))} ms more.\n\n`);

// ---- Browser ----
const b = [];
const q = (s) => b.push(s);
q('## Browser\n\n');
q(`\`make bench\` runs it after the steps above (\`node scripts/bench-browser/bench.mjs\`, then \`node scripts/bench-browser/report.mjs\` writes these two sections; rerun both alone to refresh them). `);
q(`Machine: as above (${d.cpu}, ${d.nproc} CPUs, load average ${d.loadStart.map((x) => x.toFixed(2)).join(' ')} at the start of this part and ${d.loadEnd.map((x) => x.toFixed(2)).join(' ')} at its end; it took ${Math.round(d.elapsedS)} s), ${d.chromium}, headless, driven by playwright-core ${d.versions.playwright}.\n\n`);
q('**Method.** ');
q('Pages are served on 127.0.0.1 by `scripts/serve-demo.mjs`, which sends the brotli sibling of every file (quality 11, made for the run), as a real server would; the pages are cross-origin isolated so `performance.now()` is precise to 5 µs. ');
q(`Libraries: passmeter from \`web/dist\` (one \`<script>\` tag; \`load({worker})\` then \`strengthCheck\`), zxcvbn.js ${d.versions.zxcvbn} (\`dist/zxcvbn.js\`, one \`<script>\` tag, \`zxcvbn(pw)\`), and zxcvbn-ts ${d.versions.zxcvbnTs.core} with language-common and language-en, set up as its README shows and bundled into one file with esbuild (\`check(pw)\`; it scores only the first ${d.zxcvbnTsMaxLength} characters by default, its \`maxLength\`). `);
q(`**Cold load**: a new browser with a fresh profile per load, which first opens an empty page of the same origin (so the browser's own start is not counted), then the library's page; navigation start → the first score in hand (\`Tr0ub4dour&3\`), ${d.loads} loads each, the libraries interleaved; bytes on the wire are the response bodies the server sent for the library's files. `);
q(`**Per call**: ${int(d.typicalCount)} typical passwords (\`scripts/bench/inputs -typical ${d.typicalCount}\`: the ${Math.min(300, d.typicalCount)} of the tables above and more from the same generator), each called once, in order, in a page that has loaded the library and typed once${d.idleMs ? ` (and again in a fresh browser's page that sat idle ${sig(d.idleMs / 1000)} s after load before typing, as a user reaching the password field a moment later; the bars use the first run)` : ''}; passmeter through \`strengthCheck\` (a Promise, awaited) on the main thread (\`worker: false\`) and through the worker round trip (the default), zxcvbn.js and zxcvbn-ts synchronously. `);
q(`**Typing**: every prefix of \`${d.typed}\` (${d.typed.length} characters) in turn: once right after load (the first calls), then ${PM.typingWarm.length} more times. `);
q(`**Long passwords**: the 100-, 1,000- and 4,096-character cases of the tables above (ten kinds), each repeated up to 5 times within 1 s, median; zxcvbn.js and zxcvbn-ts run them in a worker that is stopped at a cap of ${sig(d.capMs / 1000)} s (${CAP}); once a kind passes the cap its longer cases are not run (${CAP} †), nor those whose time, grown linearly from the shorter case, would pass it (${CAP} ‡). `);
q('**Memory**: the page\'s JS heap (Chromium DevTools protocol `Runtime.getHeapUsage` after a forced GC) and the wasm linear memory (`mem.buffer.byteLength`; Go never gives it back, so the reading after the run is the peak), after load (before any call) and after the run; for the worker, the worker\'s JS from `performance.measureUserAgentSpecificMemory()`.\n\n');

const cell = (vals) => vals.join(' | ');
const r2 = (a, bb) => ratio(a, bb);
const rows = [];
const row = (label, vals, rat, note = '') => rows.push(`| ${label} | ${cell(vals)} | ${rat} |${note ? ' ' + note : ''}`);
const lat = (r, f) => f(r.latency.times);
// the statistic's median over the fresh browsers that ran the series (the
// first run and bench.mjs's repeats), for the bars
const runsOf = (r) => [r.latency.times, ...(r.latencyRepeats || [])];
const latN = (r, f) => median(runsOf(r).map(f));
const repeatsRows = runsOf(PM).length > 1 ? ` (this row and the next: passmeter on the main thread and zxcvbn.js over ${runsOf(PM).length} fresh browsers, the median)` : '';
const p50 = (xs) => median(xs);
const p99 = (xs) => pct(xs, 99);
row('navigation → first score, cold, ms: median (min–max)', order.map((v) => range(coldMs(v), (x) => sig(x))), `${r2(median(coldMs('passmeter-main')), median(coldMs('zxcvbn')))} / ${r2(median(coldMs('passmeter-worker')), median(coldMs('zxcvbn')))}`);
if (d.coldThrottled) row(`navigation → first score, cold, throttled (${slowName()}), ms: median (min–max)`, order.map((v) => range(slowMs(v), (x) => sig(x))), `${r2(median(slowMs('passmeter-main')), median(slowMs('zxcvbn')))} / ${r2(median(slowMs('passmeter-worker')), median(slowMs('zxcvbn')))}`);
row('bytes on the wire to the first score (brotli)', order.map((v) => int(wireBytes(v))), `${r2(wireBytes('passmeter-worker'), wireBytes('zxcvbn'))}`);
row(`per call, ${int(d.typicalCount)} typical passwords, p50 ms${repeatsRows}`, order.map((v) => sig(latN(V[v], p50))), `${r2(latN(PM, p50), latN(ZX, p50))} / ${r2(latN(PW, p50), latN(ZX, p50))}`);
row('per call, p99 ms', order.map((v) => sig(latN(V[v], p99))), `${r2(latN(PM, p99), latN(ZX, p99))} / ${r2(latN(PW, p99), latN(ZX, p99))}`);
row('per call, max ms', order.map((v) => sig(lat(V[v], max))), `${r2(lat(PM, max), lat(ZX, max))} / ${r2(lat(PW, max), lat(ZX, max))}`);
if (PM.latencyIdle) {
  const idle = (r, f) => f(r.latencyIdle.times);
  const after = `after ${sig(d.idleMs / 1000)} s idle`;
  row(`per call ${after} (a fresh page), p50 ms`, order.map((v) => sig(idle(V[v], p50))), `${r2(idle(PM, p50), idle(ZX, p50))} / ${r2(idle(PW, p50), idle(ZX, p50))}`);
  row(`per call ${after}, p99 ms`, order.map((v) => sig(idle(V[v], p99))), `${r2(idle(PM, p99), idle(ZX, p99))} / ${r2(idle(PW, p99), idle(ZX, p99))}`);
}
row(`typing ${d.typed.length} characters right after load: slowest keystroke ms (first keystroke)`, order.map((v) => `${sig(max(V[v].typingCold.times))} (${sig(V[v].typingCold.times[0])})`), `${r2(max(PM.typingCold.times), max(ZX.typingCold.times))} / ${r2(max(PW.typingCold.times), max(ZX.typingCold.times))}`);
row(`typing it ${PM.typingWarm.length} more times: slowest keystroke ms (median)`, order.map((v) => `${sig(max(typingWarm(V[v])))} (${sig(median(typingWarm(V[v])))})`), `${r2(max(typingWarm(PM)), max(typingWarm(ZX)))} / ${r2(max(typingWarm(PW)), max(typingWarm(ZX)))}`);
for (const len of [100, 1000, 4096]) {
  row(`${len.toLocaleString('en-US')} characters, ten kinds: median ms (slowest)`, order.map((v) => `${ms(medianCase(V[v], len))} (${ms(worstCase(V[v], len))})`), `${r2(medianCase(PM, len), medianCase(ZX, len))} / ${r2(medianCase(PW, len), medianCase(ZX, len))}`);
}
row('JS heap after load / after the run (page)', order.map((v) => `${mib(heap(V[v].afterLoad))} / ${mib(heap(V[v].afterRun))}`), `${r2(heap(PM.afterRun), heap(ZX.afterRun))} / ${r2(heap(PW.afterRun), heap(ZX.afterRun))}`);
row('JS heap of the worker after load / after the run', order.map((v) => (v === 'passmeter-worker' ? `${mib(uaWorker(PW.afterLoad))} / ${mib(uaWorker(PW.afterRun))}` : '—')), '');
row('wasm memory after load / after the run (peak)', order.map((v) => (V[v].afterLoad.wasm ? `${mib(V[v].afterLoad.wasm)} / ${mib(V[v].afterRun.wasm)}` : '—')), '');
q(`| | ${order.map((v) => names[v]).join(' | ')} | passmeter ÷ zxcvbn.js (main / worker) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n`);
q(rows.join('\n') + '\n\n');

// bars
const ratioLong100 = longOf(PM, 100).map((x, i) => {
  const z = longOf(ZX, 100)[i];
  return { kind: x.category, pm: caseMs(x), zx: caseMs(z), r: caseMs(z) === Infinity ? caseMs(x) / d.capMs : caseMs(x) / caseMs(z), bound: caseMs(z) === Infinity };
});
const worst100 = ratioLong100.reduce((a, x) => (x.r > a.r ? x : a));
const repeatsNote = runsOf(PM).length > 1
  ? ` (medians over ${runsOf(PM).length} fresh browsers; passmeter's p99 in each: ${runsOf(PM).map((t) => sig(p99(t))).join(', ')} ms, zxcvbn.js's: ${runsOf(ZX).map((t) => sig(p99(t))).join(', ')} ms)`
  : '';
const bars = [
  ['per call on the main thread, p50 ≤ 0.5× zxcvbn.js', `${sig(latN(PM, p50))} ms against ${sig(latN(ZX, p50))} ms: ${r2(latN(PM, p50), latN(ZX, p50))}${repeatsNote}`, latN(PM, p50) <= 0.5 * latN(ZX, p50)],
  ['per call on the main thread, p99 ≤ 0.5× zxcvbn.js', `${sig(latN(PM, p99))} ms against ${sig(latN(ZX, p99))} ms: ${r2(latN(PM, p99), latN(ZX, p99))}${repeatsNote}`, latN(PM, p99) <= 0.5 * latN(ZX, p99)],
  ['typing in the worker, worst keystroke < 16 ms', `${sig(max(PW.typingCold.times))} ms right after load (the first keystroke: ${sig(PW.typingCold.times[0])} ms); ${sig(max(typingWarm(PW)))} ms once warm`,
    max(PW.typingCold.times) < 16 && max(typingWarm(PW)) < 16 ? true : max(typingWarm(PW)) < 16 ? 'warm' : false],
  ['100 characters ≤ 0.05× zxcvbn.js (every kind)', `slowest ratio ${sig(worst100.r, 2)}× (${worst100.kind}: ${sig(worst100.pm)} ms against ${worst100.bound ? CAP : sig(worst100.zx) + ' ms'}); ${ratioLong100.filter((x) => x.r <= 0.05).length} of ${ratioLong100.length} kinds within`, worst100.r <= 0.05],
  ['4,096 characters < 50 ms (main thread, every kind)', `slowest ${sig(worstCase(PM, 4096))} ms (${longOf(PM, 4096).reduce((a, x) => (caseMs(x) > caseMs(a) ? x : a)).category}), median ${sig(medianCase(PM, 4096))} ms; ${longOf(PM, 4096).filter((x) => caseMs(x) < 50).length} of 10 kinds within`, worstCase(PM, 4096) < 50],
  ['navigation → first score, main thread ≤ 1.0× zxcvbn.js (medians, loopback)', `${sig(median(coldMs('passmeter-main')))} ms against ${sig(median(coldMs('zxcvbn')))} ms: ${r2(median(coldMs('passmeter-main')), median(coldMs('zxcvbn')))}`, median(coldMs('passmeter-main')) <= median(coldMs('zxcvbn'))],
  ['navigation → first score, worker ≤ 1.2× zxcvbn.js (medians, loopback)', `${sig(median(coldMs('passmeter-worker')))} ms against ${sig(median(coldMs('zxcvbn')))} ms: ${r2(median(coldMs('passmeter-worker')), median(coldMs('zxcvbn')))}`, median(coldMs('passmeter-worker')) <= 1.2 * median(coldMs('zxcvbn'))],
  ...(d.coldThrottled ? [
    ['navigation → first score, main thread ≤ 1.0× zxcvbn.js (medians, throttled)', `${sig(median(slowMs('passmeter-main')))} ms against ${sig(median(slowMs('zxcvbn')))} ms at ${slowName()}: ${r2(median(slowMs('passmeter-main')), median(slowMs('zxcvbn')))}`, median(slowMs('passmeter-main')) <= median(slowMs('zxcvbn'))],
    ['navigation → first score, worker ≤ 1.2× zxcvbn.js (medians, throttled)', `${sig(median(slowMs('passmeter-worker')))} ms against ${sig(median(slowMs('zxcvbn')))} ms: ${r2(median(slowMs('passmeter-worker')), median(slowMs('zxcvbn')))}`, median(slowMs('passmeter-worker')) <= 1.2 * median(slowMs('zxcvbn'))],
  ] : []),
  ['peak wasm memory < 32 MiB', `${mib(PM.afterRun.wasm)} on the main thread, ${mib(PW.afterRun.wasm)} in the worker, after the run (${mib(PM.wasmAfterTypical)} after the ${int(d.typicalCount)} typical passwords; the long passwords grow it)`, max([PM.afterRun.wasm, PW.afterRun.wasm]) < 32 * 2 ** 20],
  [`first-score download ≤ ${BAR_BYTES / 1000} KB (brotli; see WASM)`, `${int(firstScoreBr)} bytes`, firstScoreBr <= BAR_BYTES],
];
q('**Bars** (ratios to zxcvbn.js in this run):\n\n| bar | this run | |\n| --- | --- | --- |\n');
for (const [name, what, ok] of bars) q(`| ${name} | ${what} | ${ok === 'warm' ? '**missed** right after load, met once warm' : met(ok)} |\n`);
const barName = (x) => x[0].replace(/ \(.*\)$/, '');
q(`\n${bars.filter((x) => x[2] === true).length} of ${bars.length} bars met. Met: ${bars.filter((x) => x[2] === true).map(barName).join('; ') || 'none'}. `);
if (bars.some((x) => x[2] === 'warm')) q(`Met only once warm: ${bars.filter((x) => x[2] === 'warm').map(barName).join('; ')}. `);
q(`Missed: ${bars.filter((x) => x[2] === false).map(barName).join('; ') || 'none'}.\n\n`);

// long detail
q(`**Long passwords**, ms per call (median); the ratio is passmeter on the main thread over zxcvbn.js; the last column is passmeter's wasm memory after the case (it only grows).\n\n`);
q('| kind | length | passmeter, main | passmeter, worker | zxcvbn.js | zxcvbn-ts | passmeter ÷ zxcvbn.js | wasm memory |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n');
const mark = (x) => (x.capped ? `${CAP}${x.skipped === 'shorter' ? ' †' : x.skipped === 'extrapolated' ? ' ‡' : ''}` : sig(median(x.times)));
for (let i = 0; i < PM.long.length; i++) {
  const a = PM.long[i];
  q(`| ${a.category} | ${a.length.toLocaleString('en-US')} | ${mark(a)} | ${mark(PW.long[i])} | ${mark(ZX.long[i])} | ${mark(TS.long[i])} | ${r2(caseMs(a), caseMs(ZX.long[i]))} | ${mib(a.wasm)} |\n`);
}
q(`\n† not run: a shorter password of the same kind already passed the cap. ‡ not run: the shorter one's time grown linearly to this length already passes the cap (for zxcvbn-ts, to at most ${d.zxcvbnTsMaxLength} characters). `);
q('A "<" ratio is against the cap: zxcvbn.js took longer than that.\n\n');

// profile
const coldPM = d.cold['passmeter-main'];
const res = (c, name) => c.resources.find((x) => x.name.endsWith(name));
const medOf = (f) => median(coldPM.map(f).filter((x) => x !== undefined && x !== null && !Number.isNaN(x)));
const htmlEnd = medOf((c) => c.responseEnd);
const shimEnd = medOf((c) => res(c, '/passmeter.js')?.responseEnd);
const wasmStart = medOf((c) => res(c, '/passmeter.wasm')?.start);
const wasmEnd = medOf((c) => res(c, '/passmeter.wasm')?.responseEnd);
const first = median(coldMs('passmeter-main'));
const np = d.nodeProfile;
const gcCalls = new Set(np.gctrace.gcs.map((g) => g.call));
const tr = np.gctrace.times;
const slow = [...tr.keys()].filter((i) => tr[i] > pct(tr, 99));
const rawP50 = median(PM.pairTypical.raw);
q('**Where passmeter\'s browser time goes** (for whoever makes it faster):\n\n');
const zxEnd = median(d.cold.zxcvbn.map((c) => res(c, '/zxcvbn.js')?.responseEnd));
const execStart = medOf((c) => res(c, '/wasm_exec.js')?.start);
const execEnd = medOf((c) => res(c, '/wasm_exec.js')?.responseEnd);
const workerStart = median(d.cold['passmeter-worker'].map((c) => res(c, '/passmeter.worker.js')?.start).filter((x) => x !== undefined));
const runLazy = median(col(cs.bytes, 'runToGlobals'));
const runEager = median(col(cs.eager, 'runToGlobals'));
const firstLazy = median(callN(cs.bytes, 0));
const firstEager = median(callN(cs.eager, 0));
q(`- *Cold load, main thread* (medians of the ${coldPM.length} cold loads, ms after navigation start): the HTML is in at ${sig(htmlEnd)} and passmeter.js at ${sig(shimEnd)} (zxcvbn.js, ${kb(S['zxcvbn/zxcvbn.js'].brotli)} brotli, is in at ${sig(zxEnd)}). `);
q(`The page's \`<link rel=preload>\` has started the .wasm from its head (requested at ${sig(wasmStart)}, last byte at ${sig(wasmEnd)}); \`load()\` picks that download up, compiles the part before the word lists as it streams and starts the module on it while the lists still download (README, "Starting before the lists are in"), and fetches wasm_exec.js meanwhile (requested at ${sig(execStart)}, in at ${sig(execEnd)}), and the first score follows ${sig(first - wasmEnd)} ms after the last byte (at ${sig(first)}): by the start-up table, go.run ≈ ${sig(runLazy)} ms and the first call ≈ ${sig(firstLazy)} ms. `);
q(`zxcvbn.js has its first score at ${sig(median(coldMs('zxcvbn')))}: its one script, then ${sig(median(coldMs('zxcvbn')) - zxEnd)} ms to run it and build its dictionaries. `);
q(`*With the worker* (the default) the worker script (wasm_exec.js is built into it) is requested only at ${sig(workerStart)}, once the new thread and its isolate exist, and the first score comes at ${sig(median(coldMs('passmeter-worker')))}, ${sig(median(coldMs('passmeter-worker')) - first)} ms after the main thread's: the worker's own start while the page compiles the .wasm and hands it over, then instantiating it and go.run in the worker's fresh isolate, and the answer's way back.\n`);
q(`- *Start-up*: V8 compiles lazily. go.run takes ${sig(runLazy)} ms, and ${sig(runEager)} ms when every function was compiled first, so about ${Math.round((100 * (runLazy - runEager)) / runLazy)} % of it is compiling the functions it runs; the first call takes ${sig(firstLazy)} ms against ${sig(firstEager)} ms (about ${Math.round((100 * (firstLazy - firstEager)) / firstLazy)} % compiling; the rest is running it, mostly the word index: see "Init cost" for its native time). Compiling everything up front costs ${sig(median(col(cs.eager, 'compile')))} ms instead of ${sig(median(col(cs.bytes, 'compile')))} ms.\n`);
q(`- *Per call* (medians on the typical set, main thread): \`await strengthCheck\` ${sig(lat(PM, p50))} ms, the worker round trip ${sig(lat(PW, p50))} ms; later in the same page, alternating the two, \`strengthCheckSync\` (the shim, which calls the module's wasm exports) ${sig(median(PM.pairTypical.shim))} ms and the raw global (a \`js.FuncOf\`) ${sig(rawP50)} ms. The empty password, i.e. the floor of a call (JSON in, an empty estimate, the response's JSON out and \`JSON.parse\`), costs ${sig(median(PM.pairFloor.raw))} ms through the global and ${sig(median(PM.pairFloor.shim))} ms through \`strengthCheckSync\`. The same engine natively takes the "passmeter (Go)" time of the typical table above.\n`);
q(`- *p99*: under Node, on the same ${int(tr.length)} passwords in a fresh process, ${slow.length} calls are slower than the p99 (${sig(pct(tr, 99))} ms); ${slow.filter((i) => gcCalls.has(i)).length} of them ran a Go GC (${np.gctrace.gcs.length} GCs in all, ${sig(np.gctrace.gcs.reduce((n, g) => n + g.clockMs, 0))} ms of GC clock), and with \`GOGC=off\` the p99 is ${sig(pct(np.gcoff.times, 99))} ms against ${sig(pct(tr, 99))} ms, so the slow calls are not the GC; `);
q(`${slow.filter((i) => i < 300).length} of them are among the first 300 calls, while V8 still runs much of the module as baseline (Liftoff) code: with TurboFan code from the first call (\`--no-liftoff --no-wasm-lazy-compilation\`) the same run's p50 is ${sig(median(np.turbofan.times))} ms, p99 ${sig(pct(np.turbofan.times, 99))} ms and max ${sig(max(np.turbofan.times))} ms, against ${sig(median(tr))}, ${sig(pct(tr, 99))} and ${sig(max(tr))} ms by default.\n`);
if (PM.latencyIdle) {
  q(`- *After an idle spell*: in a fresh page that sat idle ${sig(d.idleMs / 1000)} s after load (time for V8's background compiling and passmeter's warm-up) the main thread's p99 is ${sig(pct(PM.latencyIdle.times, 99))} ms against zxcvbn.js's ${sig(pct(ZX.latencyIdle.times, 99))} ms (${ratio(pct(PM.latencyIdle.times, 99), pct(ZX.latencyIdle.times, 99))}), and its p50 ${sig(median(PM.latencyIdle.times))} ms against ${sig(median(ZX.latencyIdle.times))} ms. `);
  q('Right after load, V8 is still compiling: on a 2-core machine its optimising compiler runs beside the page on the other core (and on the page\'s own), and a function met for the first time is compiled on the spot.\n');
}
const g1 = np.gctrace.gcs[0];
const g1tf = np.turbofan.gcs[0];
const slowestAt = (r) => r.latency.times.indexOf(max(r.latency.times));
if (g1 && g1tf) {
  q(`- *The first Go GC*: under Node it comes during call ${g1.call + 1} and takes ${sig(g1.clockMs)} ms of clock, against ${sig(g1tf.clockMs)} ms with TurboFan code from the start: the runtime's GC is compiled lazily on its first use too. `);
  q(`In the browser the slowest typical call was number ${slowestAt(PM) + 1} on the main thread (${sig(max(PM.latency.times))} ms) and number ${slowestAt(PW) + 1} in the worker (${sig(max(PW.latency.times))} ms), after the same ${d.typed.length} typed prefixes, i.e. at the same point of the same allocations.\n`);
}
const npLong = np.long.long.filter((x) => x.length === 4096);
const peakCase = npLong.reduce((a, x) => ((x.peakMB || 0) > (a.peakMB || 0) ? x : a));
q(`- *Long passwords and memory*: the wasm memory is ${mib(PM.wasmAfterTypical)} after the typical passwords and ${mib(PM.afterRun.wasm)} after the long ones; under Node with Go's GC traced (one call per case after the typical passwords), the Go heap at a GC reaches ${peakCase.peakMB} MB on ${peakCase.category}/4,096 (at 4,096: ${npLong.map((x) => `${x.category} ${x.peakMB ?? 'no GC'}`).join(', ')}; wasm memory afterwards ${mib(np.long.mem)}), and linear memory never shrinks. Per case: ${np.long.long.filter((x) => x.length === 4096).map((x) => `${x.category} ${sig(x.ms)} ms`).join(', ')} (Node, one call each).\n`);

// ---- fill BENCHMARKS.md ----
const section = wasm.join('') + b.join('');
let md = await readFile(outPath, 'utf8').catch(() => '');
const start = md.indexOf('\n## WASM\n');
if (start < 0) {
  md = md.replace(/\n*$/, '\n\n') + section;
} else {
  const bi = md.indexOf('\n## Browser\n', start);
  let end = md.length;
  const after = md.indexOf('\n## ', (bi >= 0 ? bi : start) + 4);
  if (after >= 0) end = after + 1;
  md = md.slice(0, start + 1) + section + (after >= 0 ? '\n' + md.slice(end) : '');
}
md = md.replace(/\n*$/, '\n');
await writeFile(outPath, md);
console.error(`bench-browser: wrote the WASM and Browser sections of ${outPath}`);
