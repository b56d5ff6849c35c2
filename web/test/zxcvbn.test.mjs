// passmeter/zxcvbn against zxcvbn 4.4.2's own answers (the oracle,
// core/zxcvbn/testdata/oracle.jsonl.gz), field by field: as an ES module
// and through require() under Node, and as the browser module in
// Chromium. zxcvbn takes this year as its reference year, so each run
// sets the clock to the year the oracle was recorded in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launch, ROOT } from './helpers.mjs';
import { startServer } from '../../scripts/serve-demo.mjs';

const run = promisify(execFile);
const ORACLE = new URL('../../core/zxcvbn/testdata/oracle.jsonl.gz', import.meta.url);
const COMPARE = fileURLToPath(new URL('../../wasm/testdata/oracle_compare.js', import.meta.url));
const lines = gunzipSync(readFileSync(ORACLE)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
const years = new Set(lines.map((l) => l.reference_year));
assert.equal(years.size, 1, 'one reference year in the oracle');
const YEAR = [...years][0];
// midsummer of the oracle's year, as milliseconds since 1970
const CLOCK = Date.UTC(YEAR, 6, 1);

// Sets the clock before anything reads it: Go's runtime takes the wall
// clock from Date, as zxcvbn takes the year.
const CLOCK_SHIM = `{
  const T = ${CLOCK}; const D = Date;
  globalThis.Date = class extends D { constructor(...a) { if (a.length) super(...a); else super(T); } static now() { return T; } };
}`;

// Runs in a child process: scores every case with the module and writes
// how many differ, with the first differences.
const CHILD = (how) => `
${CLOCK_SHIM}
const { readFileSync } = require('node:fs');
const { gunzipSync } = require('node:zlib');
const compare = (0, eval)(readFileSync(${JSON.stringify(COMPARE)}, 'utf8'));
const lines = gunzipSync(readFileSync(${JSON.stringify(fileURLToPath(ORACLE))})).toString('utf8').trim().split('\\n').map((l) => JSON.parse(l));
(async () => {
  const zxcvbn = ${how};
  const bad = [];
  for (const want of lines) {
    const got = zxcvbn(want.password, want.user_inputs);
    const d = got.password === want.password ? compare(want, { ...got, status_code: 200 }) : 'password';
    if (d) bad.push(want.cat + ': ' + d);
  }
  console.log(JSON.stringify({ n: lines.length, bad: bad.length, first: bad.slice(0, 5) }));
})();
`;

async function child(how) {
  const { stdout } = await run(process.execPath, ['-e', CHILD(how)], {
    cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 1 << 24,
  });
  return JSON.parse(stdout);
}

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

test('passmeter/zxcvbn as an ES module equals zxcvbn 4.4.2 on every oracle case', async () => {
  const r = await child(`(await import(${JSON.stringify(`${dist}zxcvbn.mjs`)})).default`);
  assert.equal(r.n, lines.length);
  assert.deepEqual(r.first, []);
  assert.equal(r.bad, 0);
});

test('require("passmeter/zxcvbn") equals zxcvbn 4.4.2 on every oracle case', async () => {
  const r = await child(`require(${JSON.stringify(`${dist}zxcvbn.cjs`)})`);
  assert.equal(r.n, lines.length);
  assert.deepEqual(r.first, []);
  assert.equal(r.bad, 0);
});

test('zxcvbn\'s shape: its keys in its order, its errors', async () => {
  const zxcvbn = (await import(`${dist}zxcvbn.mjs`)).default;
  const r = zxcvbn('Tr0ub4dour&3', ['acme', 42, true]);
  assert.deepEqual(Object.keys(r), ['password', 'guesses', 'guesses_log10', 'sequence', 'calc_time',
    'crack_times_seconds', 'crack_times_display', 'score', 'feedback']);
  assert.equal(r.password, 'Tr0ub4dour&3');
  assert.deepEqual(Object.keys(r.feedback), ['warning', 'suggestions']);
  assert.equal(typeof r.calc_time, 'number');
  assert.throws(() => zxcvbn(42), TypeError);
  assert.throws(() => zxcvbn('x', null), TypeError);
  // zxcvbn reads user_inputs index by index up to .length: a string gives its units
  assert.deepEqual(zxcvbn('ab', 'ab').sequence, zxcvbn('ab', ['a', 'b']).sequence);
  assert.deepEqual(zxcvbn('ab', { length: 1, 0: 'ab' }).sequence, zxcvbn('ab', ['ab']).sequence);
  assert.deepEqual(zxcvbn('ab', 7).sequence, zxcvbn('ab').sequence);
  const cjs = (await import('node:module')).createRequire(import.meta.url)(`${dist}zxcvbn.cjs`);
  assert.equal(cjs.default, cjs);
  assert.deepEqual({ ...cjs('Tr0ub4dour&3'), calc_time: 0 }, { ...zxcvbn('Tr0ub4dour&3'), calc_time: 0 });
});

test('passmeter/zxcvbn in Chromium (the browser module, unbundled) equals zxcvbn 4.4.2', async () => {
  // every case of the JS-string categories, and a spread of the rest
  const special = new Set(['surrogate', 'proto', 'input_types', 'infinity']);
  const cases = lines.filter((l, i) => special.has(l.cat) || i % 9 === 0);
  const site = await startServer({
    root: ROOT,
    csp: false,
    handle: (req, res) => {
      if (req.url === '/cases.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(cases));
        return true;
      }
      if (req.url === '/compare.js') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end(readFileSync(COMPARE));
        return true;
      }
      if (req.url === '/z.html') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>z</title>');
        return true;
      }
      return false;
    },
  });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(CLOCK_SHIM);
    await page.goto(`${site.url}z.html`);
    const r = await page.evaluate(async () => {
      const { default: zxcvbn } = await import('/web/dist/zxcvbn.browser.mjs');
      const compare = (0, eval)(await (await fetch('/compare.js')).text());
      const all = await (await fetch('/cases.json')).json();
      const bad = [];
      for (const want of all) {
        const d = compare(want, { ...zxcvbn(want.password, want.user_inputs), status_code: 200 });
        if (d) bad.push(`${want.cat}: ${d}`);
      }
      return { n: all.length, bad: bad.length, first: bad.slice(0, 5) };
    });
    assert.equal(r.n, cases.length);
    assert.ok(r.n > 2000);
    assert.deepEqual(r.first, []);
    assert.equal(r.bad, 0);
  } finally {
    await browser.close();
    await site.close();
  }
});
