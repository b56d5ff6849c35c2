// The demo's breach check against `passmeter serve --pwned`: a store
// imported from a corpus holding one of the test passwords, served on
// 127.0.0.1, and the demo (index.html) pointed at its /range. Nothing but
// the page's own files and the range requests may leave the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ROOT, serveRepo, launch, record, demoReady, sha1, startPassmeterServe } from './helpers.mjs';

const run = promisify(execFile);
const BREACHED = 'violet lantern quarry 77 mosaic';
const CLEAN = 'Mauve otter juggles 42 lanterns!';

let dir, server, browser, pwned;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passmeter-pwned-web-'));
  const bin = join(dir, 'passmeter');
  await run('go', ['build', '-o', bin, './cmd/passmeter'], { cwd: ROOT });
  // The breached password, a neighbour of the clean one (same prefix, so
  // its range is not empty), and random hashes.
  const lines = new Map([[sha1(BREACHED), 4242]]);
  const clean = sha1(CLEAN);
  lines.set(clean.slice(0, 39) + (clean[39] === '0' ? '1' : '0'), 7);
  for (let i = 0; i < 5000; i++) lines.set(randomBytes(20).toString('hex').toUpperCase(), 1 + (i % 97));
  const corpus = [...lines].sort(([a], [b]) => (a < b ? -1 : 1)).map(([h, n]) => `${h}:${n}`).join('\r\n') + '\r\n';
  await writeFile(join(dir, 'corpus.txt'), corpus);
  const store = join(dir, 'corpus.pwned');
  await run(bin, ['pwned', 'import', '--from', join(dir, 'corpus.txt'), '--to', store]);
  [server, browser, pwned] = await Promise.all([serveRepo(), launch(), startPassmeterServe(bin, ['--pwned', store])]);
});

after(async () => {
  pwned?.proc.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const breachState = (page) => page.evaluate(() => {
  const el = document.querySelector('#password-feedback .passmeter-breach');
  return el.hidden ? null : el.dataset.state;
});

test('the demo against serve --pwned: a breached password is caught, a clean one passes, nothing else leaves the page', async () => {
  const page = await browser.context.newPage();
  const log = record(page);
  await page.goto(`${server.url}index.html?hibp=${encodeURIComponent(pwned.endpoint)}`);
  await demoReady(page);
  await page.evaluate(() => {
    window.__changes = [];
    document.getElementById('password').addEventListener('passmeter:change', (e) => window.__changes.push(e.detail));
  });
  await page.fill('#name', 'Ada Lovelace');
  await page.fill('#email', 'ada@example.com');

  await page.fill('#password', BREACHED);
  await page.waitForSelector('#password-feedback .passmeter[data-state="valid"]');
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="breached"]');
  let last = await page.evaluate(() => window.__changes.at(-1));
  assert.equal(last.breach_check, 'breached');
  assert.equal(last.breached_password, true);
  assert.equal(last.valid_password, false);
  assert.equal(await page.evaluate(() => document.getElementById('password').checkValidity()), false);

  await page.fill('#password', CLEAN);
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="ok"]');
  last = await page.evaluate(() => window.__changes.at(-1));
  assert.equal(last.breach_check, 'ok');
  assert.equal(last.breached_password, false);
  assert.equal(await breachState(page), 'ok');

  // Only the page's own files and the two range requests left the page:
  // GET {endpoint}/{5 upper-case hex} with Add-Padding, nothing more of
  // either hash.
  const ranged = log.requests.filter((r) => r.url.startsWith(pwned.url));
  const others = log.requests.filter((r) => !r.url.startsWith(pwned.url) && !r.url.startsWith(server.url));
  assert.deepEqual(others.map((r) => r.url), []);
  assert.deepEqual(ranged.map((r) => new URL(r.url).pathname).sort(),
    [`/range/${sha1(BREACHED).slice(0, 5)}`, `/range/${sha1(CLEAN).slice(0, 5)}`].sort());
  for (const r of ranged) {
    assert.equal(r.method, 'GET');
    assert.equal(new URL(r.url).search, '');
    assert.equal(r.headers['add-padding'], 'true');
  }
  for (const r of log.requests) {
    for (const h of [sha1(BREACHED), sha1(CLEAN)]) {
      assert.ok(!r.url.includes(h.slice(5)) && !(r.body || '').includes(h.slice(5)), `request ${r.url} carries a suffix`);
    }
  }
  assert.deepEqual(log.errors, []);
  // The server logged the requests without their prefixes.
  assert.match(pwned.log(), /GET \/range\/\{prefix\} 200/);
  assert.ok(!pwned.log().includes(sha1(BREACHED).slice(0, 5)) && !pwned.log().includes(sha1(CLEAN).slice(0, 5)));
  await page.close();
});
