// passmeter.wasm's start-up under Node, step by step, in a fresh process
// (bench.mjs runs it several times): read, compile, instantiate, go.run
// until the globals exist, the first calls. Prints one JSON object.
//   node scripts/bench-browser/node-startup.mjs web/dist
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = resolve(process.argv[2] || 'web/dist');
const now = () => performance.now();
const t = {};
let t0 = now();
await import(pathToFileURL(join(dist, 'wasm_exec.js')).href);
t.wasmExec = now() - t0;
t0 = now();
const bytes = await readFile(join(dist, 'passmeter.wasm'));
t.read = now() - t0;
t0 = now();
const mod = await WebAssembly.compile(bytes);
t.compile = now() - t0;
const go = new globalThis.Go();
t0 = now();
const inst = await WebAssembly.instantiate(mod, go.importObject);
t.instantiate = now() - t0;
t0 = now();
const exited = go.run(inst);
t.runSync = now() - t0;
while (typeof globalThis.strengthCheck !== 'function' || typeof globalThis.securityLevel !== 'function') {
  await new Promise((r) => setTimeout(r, 0));
}
t.runToGlobals = now() - t0;
t.memAfterStart = inst.exports.mem.buffer.byteLength;
t.calls = [];
for (const p of ['Tr0ub4dour&3', 'correct horse battery staple', 'qwerty123', 'Tr0ub4dour&3']) {
  t0 = now();
  globalThis.strengthCheck({ password: p });
  t.calls.push(now() - t0);
}
t.memAfterCalls = inst.exports.mem.buffer.byteLength;
process.stdout.write(JSON.stringify(t) + '\n');
void exited;
process.exit(0);
