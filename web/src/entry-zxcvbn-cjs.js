// passmeter/zxcvbn for require() under Node: require cannot wait, so the
// module is compiled and started synchronously (Node allows it off the
// browser's main thread); Go's main has set up the exports by the time
// go.run returns its promise. module.exports is the function itself, with
// .default for code written against the ES module.

/* global __dirname, module */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportsCaller } from './exports.js';
import { newGo } from './goenv.js';
import { makeZxcvbn } from './zxcvbn-shape.js';

require(join(__dirname, 'wasm_exec.cjs'));
// wasm_exec.cjs has defined Go
const go = newGo(/** @type {NonNullable<typeof globalThis.Go>} */ (globalThis.Go));
const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(join(__dirname, 'passmeter.wasm'))), go.importObject);
go.run(instance);
const call = exportsCaller(instance);
if (!call) throw new Error('passmeter/zxcvbn: passmeter.wasm has no exports');

const zxcvbn = makeZxcvbn((request) => {
  const r = call('strengthCheck', request);
  if (r.status_code !== 200) throw new TypeError(`zxcvbn: ${r.error_message || r.error_type}`);
  return r;
});
module.exports = zxcvbn;
module.exports.default = zxcvbn;
