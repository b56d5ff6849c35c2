#!/usr/bin/env node
// make bench, browser part: passmeter (web/dist), zxcvbn.js 4.4.2 and
// zxcvbn-ts in headless Debian Chromium (playwright-core), pages served on
// 127.0.0.1 by scripts/serve-demo.mjs with brotli siblings of every file, as
// a real server would send them. Writes raw numbers as JSON; report.mjs
// turns them into the "## WASM" and "## Browser" sections of BENCHMARKS.md.
//
//   node scripts/bench-browser/bench.mjs [--inputs .bench/browser-inputs.json]
//        [--out .bench/browser.json] [--cap 10] [--loads 5] [--quick]
//
// The inputs file is scripts/bench/inputs's output with -typical 2000.
// Needs web/dist (scripts/build.sh), web/node_modules (playwright-core,
// esbuild) and this folder's node_modules (zxcvbn, @zxcvbn-ts/*).
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants as Z } from 'node:zlib';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const webRequire = createRequire(join(root, 'web', 'package.json'));
const { chromium } = webRequire('playwright-core');
const esbuild = webRequire('esbuild');
const { startServer } = await import(pathToFileURL(join(root, 'scripts', 'serve-demo.mjs')).href);

// ---- options ----
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const quick = argv.includes('--quick');
// --cold-only: the cold loads alone (loopback), for work on start-up
const coldOnly = argv.includes('--cold-only');
const inputsPath = opt('--inputs', join(root, '.bench', 'browser-inputs.json'));
const outPath = opt('--out', join(root, '.bench', 'browser.json'));
const capMs = Number(opt('--cap', process.env.BENCH_BROWSER_CAP || 10)) * 1000;
const LOADS = Number(opt('--loads', quick ? 2 : 5));
const TYPED = 'CorrectHorse!Battery9Staple#42'; // 30 characters
const WARM_TYPINGS = 10;
const IDLE_MS = 2000; // the idle spell before the second per-call run
const LONG_LENGTHS = [100, 1000, 4096];
const ZXCVBN_TS_MAX_LENGTH = 256; // zxcvbn-ts's default maxLength: it scores only the first 256 characters
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // performance.measureUserAgentSpecificMemory() answers at once instead of at the next GC
  '--enable-blink-features=ForceEagerMeasureMemory'];
const VARIANTS = ['passmeter-main', 'passmeter-worker', 'zxcvbn', 'zxcvbn-ts'];
const log = (...a) => console.error('bench-browser:', ...a);
const started = Date.now();
const chromiumVersion = (spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout || '').trim();

const inputs = JSON.parse(await readFile(inputsPath, 'utf8'));
let typical = inputs.typical;
if (quick) typical = typical.slice(0, 300);
if (!quick && typical.length < 2000) throw new Error(`${inputsPath}: ${typical.length} typical passwords, want at least 2,000`);
const longCases = inputs.cases.filter((c) => LONG_LENGTHS.includes(c.length));

// ---- the site: the three libraries with brotli and gzip siblings ----
const site = join(root, '.bench', 'browser', 'site');
await rm(site, { recursive: true, force: true });
await mkdir(join(site, 'passmeter'), { recursive: true });
await mkdir(join(site, 'zxcvbn'), { recursive: true });
await mkdir(join(site, 'zxcvbn-ts'), { recursive: true });
const dist = join(root, 'web', 'dist');
const libFiles = {
  passmeter: ['passmeter.js', 'passmeter.worker.js', 'wasm_exec.js', 'passmeter.wasm'],
};
for (const f of libFiles.passmeter) await copyFile(join(dist, f), join(site, 'passmeter', f));
const zxcvbnDir = join(here, 'node_modules', 'zxcvbn');
const zxcvbnVersion = JSON.parse(await readFile(join(zxcvbnDir, 'package.json'), 'utf8')).version;
await copyFile(join(zxcvbnDir, 'dist', 'zxcvbn.js'), join(site, 'zxcvbn', 'zxcvbn.js'));
const tsVersions = {};
for (const p of ['core', 'language-common', 'language-en']) {
  tsVersions[p] = JSON.parse(await readFile(join(here, 'node_modules', '@zxcvbn-ts', p, 'package.json'), 'utf8')).version;
}
await esbuild.build({
  entryPoints: [join(here, 'site', 'zxcvbn-ts-entry.js')],
  outfile: join(site, 'zxcvbn-ts', 'zxcvbn-ts.js'),
  bundle: true, minify: true, format: 'iife', globalName: 'zxcvbnts', platform: 'browser',
  target: ['es2020'], legalComments: 'none', logLevel: 'warning',
  nodePaths: [join(here, 'node_modules')],
});
for (const f of await readdir(join(here, 'site'))) {
  if (f !== 'zxcvbn-ts-entry.js') await copyFile(join(here, 'site', f), join(site, f));
}
const pageFor = (kind, v) => {
  const libTag = {
    'passmeter-main': '<script src="passmeter/passmeter.js" data-auto="off" defer></script>',
    'passmeter-worker': '<script src="passmeter/passmeter.js" data-auto="off" defer></script>',
    zxcvbn: '<script src="zxcvbn/zxcvbn.js" defer></script>',
    'zxcvbn-ts': '<script src="zxcvbn-ts/zxcvbn-ts.js" defer></script>',
  }[v];
  // passmeter's pages start the .wasm download from the head, as its
  // README tells a page to: the fetch in load() then picks it up.
  const hint = v.startsWith('passmeter') ? '\n<link rel="preload" href="passmeter/passmeter.wasm" as="fetch" crossorigin>' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${kind} ${v}</title>${hint}
${libTag}
<script src="${kind}.js" data-lib="${v}" defer></script>
</head><body>
<form><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password" autocomplete="new-password"></label>
<button>Sign up</button></form>
</body></html>
`;
};
for (const v of VARIANTS) {
  await writeFile(join(site, `cold-${v}.html`), pageFor('cold', v));
  await writeFile(join(site, `bench-${v}.html`), pageFor('harness', v));
}
await writeFile(join(site, 'warm.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>warm</title></head><body></body></html>\n');
await writeFile(join(site, 'phases.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>phases</title>
<script src="passmeter/wasm_exec.js" defer></script>
<script src="phases.js" defer></script>
</head><body></body></html>
`);

// Every text file and the wasm get .br (quality 11) and .gz (level 9)
// siblings; serve-demo.mjs sends them when the browser accepts them.
const sizes = {};
async function compressTree(dir, rel = '') {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      await compressTree(p, r);
      continue;
    }
    if (!/\.(js|html|wasm|css)$/.test(e.name)) continue;
    const bytes = await readFile(p);
    let br;
    const distBr = join(dist, e.name + '.br');
    if (r === 'passmeter/passmeter.wasm' && (await stat(distBr).catch(() => null))?.mtimeMs + 1000 >= (await stat(join(dist, e.name))).mtimeMs) {
      br = await readFile(distBr); // build.sh made it with the same settings
    } else {
      br = brotliCompressSync(bytes, { params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    }
    const gz = gzipSync(bytes, { level: 9 });
    await writeFile(p + '.br', br);
    await writeFile(p + '.gz', gz);
    sizes[r] = { raw: bytes.length, gzip: gz.length, brotli: br.length };
  }
}
await compressTree(site);
log('site ready in', site);

// ---- the server: serve-demo.mjs, cross-origin isolated (5 µs timers), counting bytes ----
let wire = [];
const { url: base, close } = await startServer({
  root: site,
  csp: false,
  handle(req, res) {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const writeHead = res.writeHead;
    res.writeHead = function (code, headers = {}) {
      const h = { ...headers, 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      if (code === 200) wire.push({ path, encoding: h['Content-Encoding'] || 'identity', bytes: Number(h['Content-Length']) });
      return writeHead.call(this, code, h);
    };
    return false;
  },
});

async function launch(extraArgs = []) {
  const profile = await mkdtemp(join(tmpdir(), 'passmeter-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs], viewport: { width: 1200, height: 820 },
  });
  const page = context.pages()[0] || (await context.newPage());
  // A browser that has just started is busy for a while: open an empty page
  // of the same origin first, so a cold load measures the library, not the
  // browser's own start. The libraries are not in the cache after it.
  await page.goto(base + 'warm.html', { waitUntil: 'load' });
  await new Promise((ok) => setTimeout(ok, 300));
  return {
    context, page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const withTimeout = (p, ms, what) => Promise.race([p, new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms))]);
const out = {
  date: new Date().toISOString(),
  chromium: chromiumVersion, node: process.version, cpu: cpus()[0]?.model, nproc: cpus().length, memBytes: totalmem(),
  loadStart: loadavg(), capMs, loads: LOADS, typed: TYPED, typicalCount: typical.length, quick,
  versions: { zxcvbn: zxcvbnVersion, zxcvbnTs: tsVersions, playwright: webRequire('playwright-core/package.json').version },
  zxcvbnTsMaxLength: ZXCVBN_TS_MAX_LENGTH,
  sizes, chromiumStartup: [], nodeStartup: [], cold: {}, variants: {},
};

// ---- wasm start-up under Node: fresh processes ----
// and with every function compiled up front (--no-wasm-lazy-compilation),
// which tells compilation from execution in the later phases.
out.nodeStartupEager = [];
for (let i = 0; i < (coldOnly ? 0 : LOADS); i++) {
  for (const [list, flags] of [[out.nodeStartup, []], [out.nodeStartupEager, ['--no-wasm-lazy-compilation']]]) {
    const r = spawnSync(process.execPath, [...flags, join(here, 'node-startup.mjs'), dist], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node-startup: ${r.stderr}`);
    list.push(JSON.parse(r.stdout));
  }
}
// Where the slow typical calls come from: the same calls under Node with
// Go's GC tracing, and with the GC off (profile-node.mjs).
if (!coldOnly) {
  const r = spawnSync(process.execPath, [join(here, 'profile-node.mjs'), dist, inputsPath], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`profile-node: ${r.stderr}`);
  out.nodeProfile = JSON.parse(r.stdout);
}
log('node start-up done');

/** One cold load of variant v in browser b: navigation → first score, and the bytes its files took. */
async function coldLoad(b, v, what) {
  wire = [];
  await b.page.goto(base + `cold-${v}.html`, { waitUntil: 'domcontentloaded' });
  const r = await withTimeout(b.page.evaluate(() => window.__first), 60000, `${what} ${v}`);
  if (r.error) throw new Error(`${what} ${v}: ${r.error}`);
  await new Promise((ok) => setTimeout(ok, 50)); // let the server log the last responses
  r.wire = wire.filter((w) => !/^\/(cold|harness)/.test(w.path));
  return r;
}

// ---- cold loads: a fresh browser and profile per load, variants interleaved ----
for (const v of VARIANTS) out.cold[v] = [];
out.chromiumStartup = { bytes: [], streaming: [], eager: [] };
const PHASES = { phases: ['bytes', '', []], 'phases-streaming': ['streaming', '?streaming=1', []],
  'phases-eager': ['eager', '', ['--js-flags=--no-wasm-lazy-compilation']] };
for (let round = 0; round < LOADS; round++) {
  const order = VARIANTS.map((_, k) => VARIANTS[(k + round) % VARIANTS.length]);
  for (const v of [...order, ...Object.keys(PHASES)]) {
    const b = await launch(PHASES[v] ? PHASES[v][2] : []);
    try {
      if (PHASES[v]) {
        await b.page.goto(base + 'phases.html' + PHASES[v][1], { waitUntil: 'domcontentloaded' });
        const t = await withTimeout(b.page.evaluate(() => window.__phases), 60000, v);
        if (t.error) throw new Error(`${v}: ${t.error}`);
        out.chromiumStartup[PHASES[v][0]].push(t);
        continue;
      }
      out.cold[v].push(await coldLoad(b, v, 'cold'));
    } finally {
      await b.close();
    }
  }
  log(`cold round ${round + 1}/${LOADS}:`, VARIANTS.map((v) => `${v} ${out.cold[v].at(-1).ms.toFixed(0)} ms`).join(', '));
}
/** Writes the results and ends the run. */
async function finish(what) {
  await close();
  await mkdir(dirname(outPath), { recursive: true });
  await writeFile(outPath, JSON.stringify(out) + '\n');
  log(`wrote ${outPath} ${what}`);
  process.exit(0);
}
if (coldOnly) await finish('(cold loads only)');

// ---- cold loads again on a throttled network (the DevTools protocol's
// emulation: the page's and its worker's requests), as on a phone's or a
// slow office link, where the bytes weigh more than the start-up ----
const THROTTLE = { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) };
out.throttle = { latencyMs: THROTTLE.latency, downMbit: 10, upMbit: 5 };
out.coldThrottled = {};
for (const v of VARIANTS) out.coldThrottled[v] = [];
for (let round = 0; round < LOADS; round++) {
  const order = VARIANTS.map((_, k) => VARIANTS[(k + round) % VARIANTS.length]);
  for (const v of order) {
    const b = await launch();
    try {
      const cdp = await b.context.newCDPSession(b.page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', THROTTLE);
      out.coldThrottled[v].push(await coldLoad(b, v, 'throttled cold'));
    } finally {
      await b.close();
    }
  }
  log(`throttled cold round ${round + 1}/${LOADS}:`, VARIANTS.map((v) => `${v} ${out.coldThrottled[v].at(-1).ms.toFixed(0)} ms`).join(', '));
}

// ---- the runs: one fresh browser per library ----
async function heapOf(page) {
  const s = await page.context().newCDPSession(page);
  try {
    await s.send('HeapProfiler.collectGarbage');
    return await s.send('Runtime.getHeapUsage');
  } finally {
    await s.detach();
  }
}

async function wasmNow(b, v) {
  if (v === 'passmeter-main') return b.page.evaluate(() => bench.wasmBytes());
  if (v === 'passmeter-worker') {
    const w = b.page.workers()[0];
    return w ? w.evaluate(() => self.__wasmBytes()) : null;
  }
  return null;
}

async function memory(b, v) {
  const m = { heap: await heapOf(b.page) };
  m.wasm = await wasmNow(b, v);
  m.uaMemory = await withTimeout(b.page.evaluate(() => bench.measureMemory()), 30000, 'measureUserAgentSpecificMemory').catch((e) => ({ error: e.message }));
  return m;
}

for (const v of VARIANTS) {
  const b = await launch();
  const r = {};
  try {
    await b.page.goto(base + `bench-${v}.html`, { waitUntil: 'domcontentloaded' });
    r.loadMs = await b.page.evaluate(() => bench.load());
    r.afterLoad = await memory(b, v);
    // the first typing after load: the first call does the one-time work
    r.typingCold = await b.page.evaluate((pw) => bench.typing(pw), TYPED);
    r.wasmAfterTypingCold = await wasmNow(b, v);
    log(v, 'typing (cold) max', Math.max(...r.typingCold.times).toFixed(2), 'ms');
    r.latency = await b.page.evaluate((pws) => bench.series(pws), typical);
    r.wasmAfterTypical = await wasmNow(b, v);
    if (v === 'passmeter-main') {
      r.latencySync = await b.page.evaluate((pws) => bench.series(pws, true), typical);
      // the shim against the raw global, and the floor of a call (the empty password)
      r.pairTypical = await b.page.evaluate((pws) => bench.pair(pws), typical);
      r.pairFloor = await b.page.evaluate(() => bench.pair(new Array(500).fill('')));
    }
    log(v, 'typical done');
    r.typingWarm = [];
    for (let i = 0; i < WARM_TYPINGS; i++) r.typingWarm.push(await b.page.evaluate((pw) => bench.typing(pw), TYPED));
    // long passwords
    r.long = [];
    const js = v === 'zxcvbn' || v === 'zxcvbn-ts';
    const eff = (n) => (v === 'zxcvbn-ts' ? Math.min(n, ZXCVBN_TS_MAX_LENGTH) : n);
    for (const cat of inputs.categories) {
      let prev = null;
      for (const c of longCases.filter((x) => x.category === cat)) {
        const row = { category: cat, length: c.length };
        if (prev && prev.capped) {
          row.skipped = 'shorter'; // a shorter one of this category already passed the cap
          row.capped = true;
        } else if (js && prev && median(prev.times) * (eff(c.length) / eff(prev.length)) > capMs) {
          row.skipped = 'extrapolated'; // linear growth from the shorter one already passes the cap
          row.capped = true;
          row.estimateMs = median(prev.times) * (eff(c.length) / eff(prev.length));
        } else if (js) {
          Object.assign(row, await b.page.evaluate(([pw, cap]) => bench.capped(pw, 5, 1000, cap), [c.password, capMs]));
        } else {
          Object.assign(row, await withTimeout(b.page.evaluate((pw) => bench.repeat(pw, 5, 1000), c.password), 120000, `${v} ${cat}/${c.length}`));
        }
        row.wasm = await wasmNow(b, v);
        r.long.push(row);
        prev = row;
      }
    }
    log(v, 'long done');
    r.afterRun = await memory(b, v);
  } finally {
    await b.close();
  }
  out.variants[v] = r;
}
// The same per-call run in a page that sat idle for IDLE_MS after load,
// as when a user reaches the password field a moment after the page
// appears: V8 has had that time to compile, and passmeter its warm-up.
// A fresh browser each, so no compiled code is left from the runs above.
for (const v of VARIANTS) {
  const b = await launch();
  try {
    await b.page.goto(base + `bench-${v}.html`, { waitUntil: 'domcontentloaded' });
    await b.page.evaluate(() => bench.load());
    await new Promise((ok) => setTimeout(ok, IDLE_MS));
    await b.page.evaluate((pw) => bench.typing(pw), TYPED);
    out.variants[v].latencyIdle = await b.page.evaluate((pws) => bench.series(pws), typical);
    log(v, 'typical after idle done');
  } finally {
    await b.close();
  }
}
// Right after load the p99 of one series swings with V8's tier-up timing
// (from 0.6 to 3.2 ms for passmeter between fresh browsers of one build):
// the main-thread bars take the median over REPEATS browsers, the run
// above and these.
const REPEATS = quick ? 1 : 3;
for (let k = 1; k < REPEATS; k++) {
  for (const v of ['passmeter-main', 'zxcvbn']) {
    const b = await launch();
    try {
      await b.page.goto(base + `bench-${v}.html`, { waitUntil: 'domcontentloaded' });
      await b.page.evaluate(() => bench.load());
      await b.page.evaluate((pw) => bench.typing(pw), TYPED);
      const { times } = await b.page.evaluate((pws) => bench.series(pws), typical);
      (out.variants[v].latencyRepeats ||= []).push(times);
    } finally {
      await b.close();
    }
  }
  log(`per-call repeat ${k + 1}/${REPEATS} done`);
}
out.idleMs = IDLE_MS;
out.loadEnd = loadavg();
out.elapsedS = (Date.now() - started) / 1000;
await finish(`in ${out.elapsedS.toFixed(0)} s`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
