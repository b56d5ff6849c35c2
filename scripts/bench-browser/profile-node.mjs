// Where passmeter.wasm's slow calls come from, under Node (V8, as in
// Chromium): the typical passwords through the raw strengthCheck global,
// once with Go's GC traced (GODEBUG=gctrace=1: which calls ran a GC) and
// once with the GC off (GOGC=off), once with V8's optimising compiler
// only (no Liftoff), each in a fresh process; then (config
// long) the long passwords after them, with the Go heap's peak per case
// from the GC trace and the wasm memory after it. Prints JSON.
//   node scripts/bench-browser/profile-node.mjs web/dist .bench/browser-inputs.json
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [distArg, inputsArg, config] = process.argv.slice(2);
const dist = resolve(distArg || 'web/dist');
const inputs = resolve(inputsArg || '.bench/browser-inputs.json');
const CONFIGS = {
  gctrace: { env: { GODEBUG: 'gctrace=1' } },
  gcoff: { env: { GOGC: 'off' } },
  // TurboFan code from the first call: no baseline (Liftoff) phase
  turbofan: { env: { GODEBUG: 'gctrace=1' }, flags: ['--no-liftoff', '--no-wasm-lazy-compilation'] },
  long: { env: { GODEBUG: 'gctrace=1' } },
};

if (!config) {
  const out = {};
  for (const name of Object.keys(CONFIGS)) {
    const r = spawnSync(process.execPath, [...(CONFIGS[name].flags || []), fileURLToPath(import.meta.url), dist, inputs, name], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`profile-node ${name}: ${r.stderr}`);
    out[name] = JSON.parse(r.stdout);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
}

const all = JSON.parse(await readFile(inputs, 'utf8'));
const passwords = config === 'long' ? all.typical.slice(0, 300) : all.typical;
let call = -1; // the call running when a line is printed; -1 during start-up
const gcs = [];
const log = console.log;
console.log = (...a) => {
  const line = a.join(' ');
  const m = /^gc (\d+) @[\d.]+s \d+%: ([\d.+]+) ms clock/.exec(line);
  const h = /, (\d+)->(\d+)->(\d+) MB,/.exec(line);
  if (m) gcs.push({ call, clockMs: m[2].split('+').reduce((s, x) => s + Number(x), 0), peakMB: h ? Number(h[2]) : null, line });
};
await import(pathToFileURL(join(dist, 'wasm_exec.js')).href);
const go = new globalThis.Go();
go.env = { ...CONFIGS[config].env };
const { instance } = await WebAssembly.instantiate(await readFile(join(dist, 'passmeter.wasm')), go.importObject);
go.run(instance);
while (typeof globalThis.strengthCheck !== 'function') await new Promise((r) => setTimeout(r, 0));
const times = new Array(passwords.length);
for (let i = 0; i < passwords.length; i++) {
  call = i;
  const t0 = performance.now();
  globalThis.strengthCheck({ password: passwords[i] });
  times[i] = performance.now() - t0;
}
call = -2;
const long = [];
if (config === 'long') {
  for (const c of all.cases.filter((x) => x.length >= 100)) {
    const before = gcs.length;
    const t0 = performance.now();
    globalThis.strengthCheck({ password: c.password });
    const ms = performance.now() - t0;
    const mine = gcs.slice(before);
    long.push({ category: c.category, length: c.length, ms, gcs: mine.length,
      peakMB: mine.length ? Math.max(...mine.map((g) => g.peakMB)) : null, mem: instance.exports.mem.buffer.byteLength });
  }
}
console.log = log;
process.stdout.write(JSON.stringify({ times, gcs, long, mem: instance.exports.mem.buffer.byteLength }) + '\n');
process.exit(0);
