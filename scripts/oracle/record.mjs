// Records zxcvbn@4.4.2's answers on the seeded corpus from corpus.mjs and
// writes them, one JSON object per line, to
// core/zxcvbn/testdata/oracle.jsonl.gz (gzip -9).
//
//   cd scripts/oracle && npm ci && node record.mjs
//
// Options (flag or environment variable):
//   --year=YYYY      ORACLE_REFERENCE_YEAR  reference year zxcvbn sees (it reads
//                                           new Date().getFullYear() when
//                                           scoring.js loads); default: this year
//   --cap-ms=N       ORACLE_CAP_MS          per-case time cap, default 20000
//   --workers=N      ORACLE_WORKERS         worker threads, default min(2, cores)
//   --out=PATH       ORACLE_OUT             output file
//   --limit=N                               only the first N cases (for trying out)
//   --only-cat=CAT                          only the cases of one category
//   --timings=PATH                          also write per-case times (JSON Lines)
//
// Each case runs in a worker thread; a case that exceeds the cap is dropped
// (its worker is terminated and replaced) and reported at the end.

import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------ encoding ----

// JSON text with non-finite numbers as the strings "Infinity", "-Infinity"
// and "NaN" (JSON.stringify would write null). Object keys keep the order
// given; undefined members are left out as JSON.stringify does.
function enc(v) {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'number':
      if (Number.isNaN(v)) return '"NaN"';
      if (v === Infinity) return '"Infinity"';
      if (v === -Infinity) return '"-Infinity"';
      return JSON.stringify(v);
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'object': {
      if (Array.isArray(v)) return '[' + v.map(enc).join(',') + ']';
      const parts = [];
      for (const k of Object.keys(v)) {
        if (v[k] === undefined || typeof v[k] === 'function') continue;
        parts.push(JSON.stringify(k) + ':' + enc(v[k]));
      }
      return '{' + parts.join(',') + '}';
    }
    default:
      throw new Error(`cannot encode ${typeof v}`);
  }
}

const MATCH_FIRST_KEYS = ['pattern', 'i', 'j', 'token', 'guesses', 'guesses_log10'];

// A sequence entry: every field zxcvbn put on the match except base_matches,
// in a stable order (the common fields first, then the rest by name).
function plainMatch(m) {
  const out = {};
  for (const k of MATCH_FIRST_KEYS) if (k in m) out[k] = m[k];
  for (const k of Object.keys(m).sort()) {
    if (k === 'base_matches' || k in out) continue;
    let v = m[k];
    if (k === 'regex_match') v = Array.from(v, (x) => (x === undefined ? null : x));
    else if (v && typeof v === 'object') v = JSON.parse(JSON.stringify(v)); // sub: plain copy, same order
    out[k] = v;
  }
  return out;
}

const CRACK_KEYS = [
  'online_throttling_100_per_hour',
  'online_no_throttling_10_per_second',
  'offline_slow_hashing_1e4_per_second',
  'offline_fast_hashing_1e10_per_second',
];

function recordLine(c, year, r) {
  const pick = (obj) => Object.fromEntries(CRACK_KEYS.map((k) => [k, obj[k]]));
  return enc({
    cat: c.cat,
    password: c.password,
    user_inputs: c.user_inputs,
    reference_year: year,
    score: r.score,
    guesses: r.guesses,
    guesses_log10: r.guesses_log10,
    crack_times_seconds: pick(r.crack_times_seconds),
    crack_times_display: pick(r.crack_times_display),
    feedback: { warning: r.feedback.warning, suggestions: r.feedback.suggestions },
    sequence: r.sequence.map(plainMatch),
  });
}

// -------------------------------------------------------------- worker ----

// Load zxcvbn with `new Date()` reporting the given year, so that
// scoring.REFERENCE_YEAR (read once, at module load) is that year.
function loadZxcvbn(year) {
  const require = createRequire(path.join(HERE, 'record.mjs'));
  const RealDate = globalThis.Date;
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) {
        super(RealDate.now());
        this.setFullYear(year);
      } else {
        super(...args);
      }
    }
  }
  globalThis.Date = FakeDate;
  let zxcvbn, scoring;
  try {
    zxcvbn = require('zxcvbn');
    scoring = require('zxcvbn/lib/scoring.js');
  } finally {
    globalThis.Date = RealDate;
  }
  if (scoring.REFERENCE_YEAR !== year) {
    throw new Error(`reference year is ${scoring.REFERENCE_YEAR}, wanted ${year}`);
  }
  const version = require('zxcvbn/package.json').version;
  if (version !== '4.4.2') throw new Error(`zxcvbn ${version} installed, need 4.4.2 (run npm ci)`);
  return zxcvbn;
}

if (!isMainThread) {
  const { year } = workerData;
  const zxcvbn = loadZxcvbn(year);
  parentPort.on('message', (c) => {
    const t0 = performance.now();
    const r = zxcvbn(c.password, c.user_inputs);
    const ms = performance.now() - t0;
    parentPort.postMessage({ idx: c.idx, line: recordLine(c, year, r), ms });
  });
}

// ---------------------------------------------------------------- main ----

function option(name, env, dflt) {
  const flag = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  if (flag) return flag.slice(name.length + 3);
  if (env && process.env[env]) return process.env[env];
  return dflt;
}

async function main() {
  const { generateCorpus, LONG_MIN_UNITS } = await import('./corpus.mjs');
  const year = parseInt(option('year', 'ORACLE_REFERENCE_YEAR', String(new Date().getFullYear())), 10);
  if (!(year >= 1000 && year <= 9999)) throw new Error(`bad year ${year}`);
  const capMs = parseInt(option('cap-ms', 'ORACLE_CAP_MS', '20000'), 10);
  const nWorkers = parseInt(option('workers', 'ORACLE_WORKERS', String(Math.min(2, os.availableParallelism()))), 10);
  const out = path.resolve(option('out', 'ORACLE_OUT', path.join(HERE, '../../core/zxcvbn/testdata/oracle.jsonl.gz')));
  const limit = parseInt(option('limit', null, '0'), 10);

  let corpus = generateCorpus(year);
  const onlyCat = option('only-cat', null, '');
  if (onlyCat) corpus = corpus.filter((c) => c.cat === onlyCat);
  if (limit > 0) corpus = corpus.slice(0, limit);
  const timingsPath = option('timings', null, '');
  const cases = corpus.map((c, idx) => ({ idx, ...c }));
  // Long cases first, so the slow ones spread over the workers early.
  const long = cases.filter((c) => c.password.length >= LONG_MIN_UNITS);
  const short = cases.filter((c) => c.password.length < LONG_MIN_UNITS);
  const queue = [...long, ...short];
  console.error(`reference year ${year}; ${cases.length} cases (${long.length} long); ${nWorkers} workers; cap ${capMs} ms`);

  const lines = new Array(cases.length);
  const times = new Array(cases.length);
  const dropped = [];
  const t0 = Date.now();
  let done = 0;
  let next = 0;

  await new Promise((resolve, reject) => {
    let active = 0;
    const spawn = () => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { year } });
      let current = null;
      let timer = null;
      const give = () => {
        if (next >= queue.length) {
          w.terminate();
          if (--active === 0) resolve();
          return;
        }
        current = queue[next++];
        timer = setTimeout(() => {
          dropped.push(current);
          console.error(`  dropped #${current.idx} (${current.cat}, ${current.password.length} units) after ${capMs} ms`);
          w.removeAllListeners();
          w.terminate();
          active--;
          spawn();
        }, capMs);
        w.postMessage(current);
      };
      w.on('message', (msg) => {
        clearTimeout(timer);
        lines[msg.idx] = msg.line;
        times[msg.idx] = msg.ms;
        done++;
        if (done % 2000 === 0) console.error(`  ${done}/${cases.length} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        give();
      });
      w.on('error', (e) => reject(e));
      active++;
      w.once('online', give);
    };
    for (let k = 0; k < nWorkers; k++) spawn();
  });

  const body = lines.filter((l) => l !== undefined).join('\n') + '\n';
  const gz = zlib.gzipSync(Buffer.from(body, 'utf8'), { level: 9 });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, gz);
  const secs = (Date.now() - t0) / 1000;
  if (timingsPath) {
    const tl = cases.map((c) => JSON.stringify({ idx: c.idx, cat: c.cat, kind: c.kind, units: c.password.length,
      ms: times[c.idx] === undefined ? null : Math.round(times[c.idx]) }));
    fs.writeFileSync(timingsPath, tl.join('\n') + '\n');
  }

  const counts = {};
  for (const c of cases) {
    counts[c.cat] ??= { recorded: 0, dropped: 0 };
    counts[c.cat][lines[c.idx] !== undefined ? 'recorded' : 'dropped']++;
  }
  const recorded = lines.filter((l) => l !== undefined).length;
  console.log('category          recorded  dropped');
  for (const [cat, n] of Object.entries(counts)) {
    console.log(`${cat.padEnd(16)} ${String(n.recorded).padStart(9)} ${String(n.dropped).padStart(8)}`);
  }
  const longDone = long.filter((c) => lines[c.idx] !== undefined);
  const longMs = longDone.map((c) => times[c.idx]).sort((a, b) => a - b);
  console.log(`total ${recorded} recorded, ${dropped.length} dropped`);
  console.log(`long (>= ${LONG_MIN_UNITS} UTF-16 units): ${longDone.length} finished, ${long.length - longDone.length} dropped` +
    (longMs.length ? `; median ${longMs[longMs.length >> 1].toFixed(0)} ms, max ${longMs[longMs.length - 1].toFixed(0)} ms` : ''));
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${gz.length} bytes gzip (${body.length} chars raw) in ${secs.toFixed(1)} s`);
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
