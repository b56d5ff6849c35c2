// Starts a split module as the shim does and compares it with the whole
// file (split_test.go):
//   node split.mjs wasm_exec.js whole.wasm head.wasm plan.json
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [execJS, wholeFile, headFile, planJSON] = process.argv.slice(2);
const plan = JSON.parse(planJSON);
await import(pathToFileURL(execJS).href); // defines globalThis.Go
const file = readFileSync(wholeFile);
const text = file.subarray(plan.text);
const passwords = ['', 'Tr0ub4dour&3', 'correct horse battery staple', 'qwerty123', 'iloveyou2019', 'P@ssw0rd!', 'dragon1987',
  'zxcvbnm,./', 'drowssap', 'jennifer1987', 'smith.johnson', 'mercede1travka', 'geekboy', 'the', 'Ελλάδα4@'];

async function start(bytes) {
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  go.run(instance);
  while (typeof globalThis.strengthCheck !== 'function') await new Promise((r) => setTimeout(r, 0));
  const check = globalThis.strengthCheck;
  delete globalThis.strengthCheck;
  delete globalThis.securityLevel;
  return { instance, check };
}

const whole = await start(file);
const answer = (check, password) => JSON.stringify({ ...check({ password, user_inputs: ['johnson'] }), request_id: '', calc_time_ms: 0 });
const want = passwords.map((password) => answer(whole.check, password));

const head = await start(readFileSync(headFile));
const early = head.check({ password: 'Tr0ub4dour&3' });
if (!early || early.status_code !== 503) throw new Error(`a call before the text: ${JSON.stringify(early)}, want a 503`);
// pieces of uneven sizes, some cutting words
let written = 0;
let seed = 7;
while (written < text.length) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  const n = Math.min(text.length - written, 1 + (seed % 50000));
  new Uint8Array(head.instance.exports.mem.buffer, plan.at + written, n).set(text.subarray(written, written + n));
  written += n;
  if (head.instance.exports.passmeter_words(written) !== 1) throw new Error('passmeter_words failed');
  if (written < text.length && head.check({ password: 'x' }).status_code !== 503) throw new Error(`answered with ${written} of ${text.length} bytes in`);
}
const got = passwords.map((password) => answer(head.check, password));
for (let i = 0; i < passwords.length; i++) {
  if (got[i] !== want[i]) {
    let k = 0;
    while (got[i][k] === want[i][k]) k++;
    throw new Error(`${JSON.stringify(passwords[i])}: split …${got[i].slice(k - 80, k + 120)} whole …${want[i].slice(k - 80, k + 120)}`);
  }
}
console.log(`split module: ${passwords.length} answers equal the whole file's; text ${text.length} bytes at ${plan.at}`);
process.exit(0);
