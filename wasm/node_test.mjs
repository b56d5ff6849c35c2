// Runs web/dist/passmeter.wasm under Node 20 with Go's wasm_exec.js, as the
// npm package does on a server, and checks it against the native command
// (go run ./cmd/passmeter check). Build first: scripts/build-wasm.sh.
// Run: node --test wasm/node_test.mjs (scripts/test-wasm.sh does both).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { exportsCaller } from '../web/src/exports.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}web/dist/`;
const YEAR = 2026;
const MB = 1 << 20;
let go;
let memory;
let exportsCall;

before(async () => {
  await import(`${dist}wasm_exec.js`); // defines globalThis.Go
  const bytes = readFileSync(`${dist}passmeter.wasm`);
  const t0 = performance.now();
  const module = await WebAssembly.compile(bytes);
  const t1 = performance.now();
  go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  go.run(instance); // resolves only if the program exits, which it must not
  while (typeof globalThis.strengthCheck !== 'function' || typeof globalThis.securityLevel !== 'function') {
    await new Promise((r) => setImmediate(r));
  }
  const t2 = performance.now();
  memory = instance.exports.mem;
  exportsCall = exportsCaller(instance);
  assert.ok(exportsCall, 'the module has the exports the shim calls');
  report(`start-up: compile ${(t1 - t0).toFixed(1)} ms, instantiate to globals ${(t2 - t1).toFixed(1)} ms, ` +
    `total ${(t2 - t0).toFixed(1)} ms; linear memory ${mb(memory.buffer.byteLength)}`);
  assert.ok(memory.buffer.byteLength < 16 * MB, 'linear memory after start-up must stay under 16 MB');
});

function report(line) {
  console.log(`node_test: ${line}`);
}

const mb = (n) => `${(n / MB).toFixed(2)} MB`;

// requests varies passwords (common, l33t, walks, dates, scripts, emoji,
// whitespace, long) and the options around them.
function requests() {
  const pws = ['', 'a', 'password', 'P@ssw0rd', '123456', 'qwerty', 'correct horse battery staple',
    'Tr0ub4dour&3', '1qaz2wsx', 'asdfghjkl;', 'aaaaaaa', 'abcabcabc', '9876543210', '13/12/1987',
    'december1987', '19871213', '1999', 'john.smith', 'p4ssw0rd', '$uperm@n', 'пароль123', 'Straße',
    'contraseña', '密码12345', 'パスワード', '비밀번호', 'كلمة السر', 'पासवर्ड', '😀', '🔥password🔥',
    'I❤️NY', '👨‍👩‍👧‍👦family', '🇫🇷🇩🇪', 'İstanbul', 'ΣΊΣΥΦΟΣ', 'ﬁnance', ' ', 'tab\there', 'line\nbreak',
    'Xk9$mQ2!vL', 'hR7#pW4@zN8&', 'ab'.repeat(40), 'x'.repeat(300), 'ZAQ!2wsxCDE#'];
  let seed = 2026;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const alphabets = ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJ0123456789', '!@#$%^&*()-_=+[]{}', 'äöüßéèç', '日本語かなカナ', '😀😎🚀🔥💯'];
  while (pws.length < 150) {
    let s = '';
    for (let n = 1 + rnd(20); n > 0; n--) {
      const a = [...alphabets[rnd(alphabets.length)]];
      s += a[rnd(a.length)];
    }
    pws.push(s);
  }
  return pws.map((password, i) => {
    const r = { password, reference_year: YEAR };
    if (i % 4 === 1) r.user_inputs = ['alice', 'smith', 'passmeter'];
    if (i % 4 === 2) r.email = 'john.smith1987@example.com';
    if (i % 4 === 3) r.form_fields = [{ type: 'text', value: ' Alice  Smith ' }, { type: 'email', value: 'asmith@acme.io' }, { type: 'text', value: 'Acme' }];
    if (i % 3 === 0) r.strength_policy = 'luds';
    if (i % 6 === 0) r.luds = { min_length: 8 + (i % 25), min_complexity: 1 + (i % 4) };
    return r;
  });
}

function withoutVolatile(r) {
  const { request_id, calc_time_ms, ...rest } = r; // differ on every call
  return rest;
}

test('answers equal the native command, keys in the same order', () => {
  const reqs = requests();
  const stdout = execFileSync('go', ['run', './cmd/passmeter', 'check', '--reference-year', String(YEAR)], {
    cwd: root, input: reqs.map((r) => JSON.stringify(r)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 * MB,
  });
  const native = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(native.length, reqs.length);
  reqs.forEach((req, i) => {
    const got = globalThis.strengthCheck(req);
    assert.deepStrictEqual(withoutVolatile(got), withoutVolatile(native[i]), JSON.stringify(req));
    assert.deepStrictEqual(Object.keys(got), Object.keys(native[i]));
    assert.deepStrictEqual(Object.keys(got.feedback), Object.keys(native[i].feedback));
  });
});

test('bad requests name the field and the next call works', () => {
  const cases = [
    [undefined, ''], [null, ''], ['pw', ''], [{}, 'password'], [{ password: 1 }, 'password'],
    [{ password: 'x', user_inputs: 'a' }, 'user_inputs'], [{ password: 'x', strength_policy: 'pci' }, 'strength_policy'],
    [{ password: 'x', luds: { min_length: 40 } }, 'luds.min_length'], [{ password: 1n }, ''],
  ];
  for (const [req, field] of cases) {
    const r = globalThis.strengthCheck(req);
    assert.deepStrictEqual(Object.keys(r), ['status_code', 'request_id', 'error_type', 'error_message', 'error_url', 'field']);
    assert.equal(r.status_code, 400, JSON.stringify(r));
    assert.match(r.request_id, /^request-id-[0-9a-f-]{36}$/);
    assert.equal(r.error_url, 'https://stytch.com/docs/api/errors/400');
    assert.equal(r.field, field, r.error_message);
    assert.equal(globalThis.strengthCheck({ password: 'correct horse battery staple' }).score, 4);
  }
  assert.equal(globalThis.securityLevel({ mfaEnrolled: 'yes' }).field, 'mfaEnrolled');
  assert.equal(globalThis.securityLevel({ password: 'x', reference_year: -3 }).field, 'reference_year');
  assert.equal(globalThis.securityLevel({}).passwordSecurityLevel, 0);
});

test('10,000 calls keep memory and the JS value table flat', () => {
  const reqs = requests();
  const run = (n) => {
    for (let i = 0; i < n; i++) globalThis.strengthCheck(i % 100 === 99 ? { password: 'x', user_inputs: 'not an array' } : reqs[i % reqs.length]);
  };
  run(1000);
  const mem0 = memory.buffer.byteLength;
  const vals0 = go._values.length;
  const t0 = performance.now();
  run(10000); // a leak of one value a call would add 10,000 below
  const ms = performance.now() - t0;
  const mem1 = memory.buffer.byteLength;
  report(`10,000 calls: ${(ms / 10000).toFixed(3)} ms a call; linear memory ${mb(mem0)} -> ${mb(mem1)}; ` +
    `JS value table ${vals0} -> ${go._values.length}`);
  assert.ok(mem1 <= mem0 + 4 * MB, `linear memory grew from ${mem0} to ${mem1}`);
  assert.ok(go._values.length <= vals0 + 1000, `JS value table grew from ${vals0} to ${go._values.length}`);
});

// The exports (wasm/exports.go), called as the shim calls them.
const viaExports = (request) => exportsCall('strengthCheck', request);

// An export returns to JavaScript without the Go scheduler, which is where
// the garbage collector's goroutines run. Unless the export yields to them,
// a cycle ends only through allocation assists, past its heap goal. A fresh
// process with Go's GC trace checks that over short calls each cycle ends
// at its goal. (One begun during a long password can only end with that
// call: the shim's GOMEMLIMIT is for those.)
test('through the exports, GC cycles end at their heap goal', () => {
  // Go writes its GC trace to standard error.
  const script = `
    await import(${JSON.stringify(`${dist}wasm_exec.js`)});
    const { exportsCaller } = await import(${JSON.stringify(new URL('../web/src/exports.js', import.meta.url).href)});
    const { readFileSync } = await import('node:fs');
    const go = new Go();
    go.env = { GODEBUG: 'gctrace=1' };
    const { instance } = await WebAssembly.instantiate(readFileSync(${JSON.stringify(`${dist}passmeter.wasm`)}), go.importObject);
    go.run(instance);
    const call = exportsCaller(instance);
    const words = ['correct', 'horse', 'Tr0ub4dour', 'qwerty', '1987', 'dragon', 'Summer!', 'zxcvbn'];
    for (let i = 0; i < 4000; i++) call('strengthCheck', { password: words[i % 8] + words[(i * 5) % 8] + i });
    process.exit(0);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const cycles = [...r.stderr.matchAll(/(\d+)->(\d+)->(\d+) MB, (\d+) MB goal/g)].map((m) => ({ end: Number(m[2]), goal: Number(m[4]) }));
  report(`through the exports: ${cycles.length} GC cycles, heap at their end past the goal by at most ` +
    `${Math.max(...cycles.map((c) => c.end - c.goal))} MB`);
  assert.ok(cycles.length >= 3, `${cycles.length} GC cycles completed`);
  for (const c of cycles) assert.ok(c.end <= c.goal + 1, `a cycle ended at ${c.end} MB, goal ${c.goal} MB`);
});

test('long passwords through the exports keep linear memory under 32 MB', () => {
  let seed = 7;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const of = (alphabet, n) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join('');
  const long = [
    of('!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~', 4096),
    of('0123456789', 4096), 'a'.repeat(4096), 'abc'.repeat(1366).slice(0, 4096), 'qwertyuiop'.repeat(410).slice(0, 4096),
    of('4@8({[<3691!|70$5+%2', 4096), 'password'.repeat(512), '19/04/1987'.repeat(410).slice(0, 4096),
    of('qwertyuiopasdfghjklzxcvbnm1234567890', 4096),
  ];
  for (const pw of long) {
    for (let k = 0; k < 3; k++) assert.equal(viaExports({ password: pw, reference_year: YEAR }).status_code, 200);
  }
  report(`after ${long.length * 3} calls with 4,096 characters through the exports: linear memory ${mb(memory.buffer.byteLength)}`);
  assert.ok(memory.buffer.byteLength < 32 * MB, `linear memory ${mb(memory.buffer.byteLength)}`);
});

test('a 10^8-character password through the exports is refused without growing linear memory', () => {
  viaExports({ password: 'warm', reference_year: YEAR });
  const before = memory.buffer.byteLength;
  const huge = viaExports({ password: 'a'.repeat(1e8) });
  assert.equal(huge.status_code, 400);
  assert.equal(huge.field, 'password');
  const junk = viaExports({ password: 'x', junk: 'a'.repeat(1e7) });
  assert.equal(junk.status_code, 413);
  assert.equal(junk.error_type, 'request_too_large');
  assert.equal(viaExports({ password: 'x', user_inputs: Array(1e5).fill('a') }).field, 'user_inputs');
  report(`after a 10^8-character password and a 10 MB request: linear memory ${mb(before)} -> ${mb(memory.buffer.byteLength)}`);
  assert.equal(memory.buffer.byteLength, before, 'linear memory grew');
  assert.equal(viaExports({ password: 'x', reference_year: YEAR }).status_code, 200);
});

const oracle = `${root}core/zxcvbn/testdata/oracle.jsonl.gz`;

// The comparison the Chromium test makes too (every field the oracle has).
const compare = (0, eval)(readFileSync(new URL('./testdata/oracle_compare.js', import.meta.url), 'utf8'));
const JS_STRING_CATS = new Set(['surrogate', 'proto', 'input_types', 'infinity']);

test('zxcvbn 4.4.2 oracle: every line through the exports, every field', () => {
  const lines = gunzipSync(readFileSync(oracle)).toString('utf8').split('\n').filter(Boolean);
  assert.ok(lines.length >= 27000, `${lines.length} oracle lines`);
  const failures = { exports: [], globals: [] };
  let globals = 0;
  const t0 = performance.now();
  for (const [n, line] of lines.entries()) {
    const c = JSON.parse(line);
    const req = { password: c.password, user_inputs: c.user_inputs, reference_year: c.reference_year };
    const d = compare(c, viaExports(req));
    if (d) failures.exports.push(`line ${n + 1} ${JSON.stringify(c.password).slice(0, 60)}: ${d}`);
    if (n < 500 || JS_STRING_CATS.has(c.cat)) {
      globals++;
      const g = compare(c, globalThis.strengthCheck(req));
      if (g) failures.globals.push(`line ${n + 1} ${JSON.stringify(c.password).slice(0, 60)}: ${g}`);
    }
  }
  report(`oracle: ${lines.length} lines through the exports, ${globals} through the globals, in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${failures.exports.length} and ${failures.globals.length} differ`);
  assert.deepStrictEqual(failures.exports.slice(0, 10), []);
  assert.deepStrictEqual(failures.globals.slice(0, 10), []);
});

// What JSON cannot carry, compared with zxcvbn itself where the oracle's
// npm install is there (scripts/oracle: npm ci).
const zxcvbnPath = `${root}scripts/oracle/node_modules/zxcvbn/lib/main.js`;

test('user inputs JSON cannot carry, as zxcvbn takes them (scripts/setup.sh node installs zxcvbn in scripts/oracle)', async () => {
  const { createRequire } = await import('node:module');
  const zxcvbn = createRequire(import.meta.url)(zxcvbnPath);
  // zxcvbn reads the year when it loads: this test's answers for dates
  // would follow it, so the passwords hold no date or year.
  const passwords = ['nanInfinity', 'alice-infinity', 'bob7nan', 'true1false', 'datebob', 'xyzalice'];
  const inputs = [[NaN, 'x'], [Infinity], [-Infinity, 'bob'], [new Number(7), 'alice'], [new String('bob')],
    [new Date(0), { toJSON: () => 'alice' }, 'bob'], [1n, 'alice'], [undefined, null, () => 1, Symbol('s'), 'bob'],
    [true, false, 0.5, -0, 1e21]];
  const label = (xs) => xs.map((x) => String(x)).join(', '); // String() takes a Symbol, join does not
  let n = 0;
  for (const password of passwords) {
    for (const user_inputs of inputs) {
      const want = zxcvbn(password, user_inputs);
      for (const [way, got] of [['exports', viaExports({ password, user_inputs })], ['globals', globalThis.strengthCheck({ password, user_inputs })]]) {
        assert.equal(got.status_code, 200, `${way} ${password} ${label(user_inputs)}`);
        const pick = (r) => JSON.stringify([r.score, r.guesses, r.sequence.map((m) => [m.pattern, m.i, m.j, m.token, m.dictionary_name, m.rank])]);
        assert.equal(pick(got), pick(want), `${way}: ${password} with ${label(user_inputs)}`);
        n++;
      }
    }
  }
  report(`${n} answers with user inputs beyond JSON equal zxcvbn's`);
});
