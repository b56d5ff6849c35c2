// Instantiates a Go js/wasm module under Node with Go's wasm_exec.js.
//   node run.mjs wasm_exec.js module.wasm dump out.bin  writes linear memory as
//                                                       instantiation leaves it (nothing runs)
//   node run.mjs wasm_exec.js module.wasm run           runs it; its output is on stderr/stdout
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [execJS, module, mode, out] = process.argv.slice(2);
await import(pathToFileURL(execJS).href); // defines globalThis.Go
const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiate(readFileSync(module), go.importObject);
if (mode === 'dump') {
  writeFileSync(out, new Uint8Array(instance.exports.mem.buffer));
} else {
  await go.run(instance);
  process.exitCode = go.exitCode;
}
