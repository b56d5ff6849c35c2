// The bar of "one home for each rule": a sign-up form checked on the page
// (attach, breach check on) and the same fields re-checked by `passmeter
// serve` get the same verdict. The page sends its fields as form_fields
// and asks the module whether a breach check is due (core.BreachRule);
// serve decides the same way. Both check against one corpus: serve
// --pwned STORE answers the strength checks and, as an HIBP stand-in, the
// page's range requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ROOT, YEAR, serveRepo, launch, record, sha1, startPassmeterServe } from './helpers.mjs';

const run = promisify(execFile);

const FORM = { name: 'Jane Doe', email: 'jane.doe@acme-widgets.io', company: 'Acme Widgets' };
const PASSWORDS = {
  weak: 'acmejane1',
  strong: 'Mauve otter juggles 42 lanterns!',
  breachedStrong: 'violet lantern quarry 77 mosaic',
  breachedWeak: 'janedoe1',
  formWords: 'widgetsdoe', // far easier to guess with the form's words
  email: 'jane.doe@acme-widgets.io!',
};
const BREACHED = [PASSWORDS.breachedStrong, PASSWORDS.breachedWeak];

let dir, server, browser, stytch, stytchWithoutEmail;

/** `passmeter serve` on a free loopback port, with the tests' reference year. */
const startServe = (bin, args) => startPassmeterServe(bin, ['--reference-year', String(YEAR), ...args]);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'passmeter-recheck-'));
  const bin = join(dir, 'passmeter');
  await run('go', ['build', '-o', bin, './cmd/passmeter'], { cwd: ROOT });
  const lines = new Map(BREACHED.map((pw, i) => [sha1(pw), 100 + i]));
  for (let i = 0; i < 3000; i++) lines.set(randomBytes(20).toString('hex').toUpperCase(), 1 + (i % 97));
  const corpus = [...lines].sort(([a], [b]) => (a < b ? -1 : 1)).map(([h, n]) => `${h}:${n}`).join('\r\n') + '\r\n';
  await writeFile(join(dir, 'corpus.txt'), corpus);
  const store = join(dir, 'corpus.pwned');
  await run(bin, ['pwned', 'import', '--from', join(dir, 'corpus.txt'), '--to', store]);
  [server, browser, stytch, stytchWithoutEmail] = await Promise.all([
    serveRepo(), launch(), startServe(bin, ['--pwned', store]), startServe(bin, ['--pwned', store, '--breach-without-email']),
  ]);
});

after(async () => {
  stytch?.proc.kill('SIGTERM');
  stytchWithoutEmail?.proc.kill('SIGTERM');
  await Promise.all([browser?.close(), server?.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** The fields of a verdict that must agree. */
const verdict = (r) => ({
  valid_password: r.valid_password,
  score: r.score,
  guesses: r.guesses,
  warning: r.feedback.warning,
  suggestions: r.feedback.suggestions,
  codes: r.feedback.codes,
  breached_password: r.breached_password,
  breach_check: r.breach_check,
  breach_detection_on_create: r.breach_detection_on_create,
});

async function serverVerdict(base, request) {
  const res = await fetch(`${base}/v1/passwords/strength_check`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request),
  });
  assert.equal(res.status, 200);
  return res.json();
}

/** A page with the fixture's forms, the engine loaded with hibp. */
async function page(hibp) {
  const p = await browser.context.newPage();
  const log = record(p);
  await p.goto(`${server.url}web/test/fixtures/signup.html`);
  await p.evaluate(async ({ year, hibp }) => {
    window.api = await passmeter.load({ referenceYear: year, hibp });
    window.signup = api.attach(document.getElementById('pw'), { target: '#out', inputs: '#name,#email,#company' });
    window.short = api.attach(document.getElementById('pw2'), { target: '#out2', inputs: '#name2' });
  }, { year: YEAR, hibp });
  return { p, log };
}

/** The page's verdict for password in the form: the controller's answer once final, and the last passmeter:change. */
async function pageVerdict(p, controller, input, password) {
  await p.fill(`#${input}`, password);
  await p.locator(`#${input}`).blur();
  const response = await p.evaluate((c) => window[c].check(), controller);
  const last = await p.evaluate((id) => window.lastChange[id], input);
  assert.deepEqual(verdict(last), verdict(response), 'the last passmeter:change is the final answer');
  assert.notEqual(response.breach_check, 'due', 'the due mark never reaches the page');
  return response;
}

test('a sign-up form: the page\'s verdict is serve\'s for the same fields', async () => {
  const { p, log } = await page({ endpoint: stytch.endpoint });
  await p.fill('#name', FORM.name);
  await p.fill('#email', FORM.email);
  await p.fill('#company', FORM.company);
  const fields = [{ type: 'text', value: FORM.name }, { type: 'email', value: FORM.email }, { type: 'text', value: FORM.company }];
  const seen = {};
  for (const [kind, password] of Object.entries(PASSWORDS)) {
    const onPage = await pageVerdict(p, 'signup', 'pw', password);
    const onServer = await serverVerdict(stytch.url, { password, form_fields: fields });
    assert.deepEqual(verdict(onPage), verdict(onServer), kind);
    seen[kind] = { valid: onPage.valid_password, check: onPage.breach_check, score: onPage.score };
  }
  // The cases are what they say: weak and breached ones refused, a breach
  // seen on weak passwords too, the form's words counted.
  assert.deepEqual(seen.weak, { ...seen.weak, valid: false, check: 'ok' });
  assert.deepEqual(seen.strong, { ...seen.strong, valid: true, check: 'ok' });
  assert.deepEqual(seen.breachedStrong, { valid: false, check: 'breached', score: 4 });
  assert.deepEqual(seen.breachedWeak, { ...seen.breachedWeak, valid: false, check: 'breached' });
  assert.ok(seen.breachedWeak.score < 3, JSON.stringify(seen));
  assert.deepEqual(seen.formWords, { ...seen.formWords, valid: false, check: 'ok' }, JSON.stringify(seen));
  const bare = await serverVerdict(stytch.url, { password: PASSWORDS.formWords });
  const withFields = await serverVerdict(stytch.url, { password: PASSWORDS.formWords, form_fields: fields });
  assert.ok(bare.guesses > 100 * withFields.guesses, 'the form\'s words make it easier to guess');
  // Each range asked for is a whole password's: none per keystroke.
  const prefixes = new Set(Object.values(PASSWORDS).map((pw) => sha1(pw).slice(0, 5)));
  const ranged = log.requests.filter((r) => r.url.startsWith(stytch.endpoint)).map((r) => new URL(r.url).pathname.slice(7));
  assert.ok(ranged.length > 0 && ranged.every((x) => prefixes.has(x)), ranged.join(' '));
  assert.deepEqual(log.errors, []);
  await p.close();
});

test('typed key by key, a weak password is checked once, after the pause', async () => {
  const { p, log } = await page({ endpoint: stytch.endpoint });
  await p.fill('#email', FORM.email);
  await p.locator('#pw').pressSequentially(PASSWORDS.breachedWeak, { delay: 40 });
  await p.waitForSelector('#out .passmeter-breach[data-state="breached"]', { timeout: 10000 });
  const ranged = log.requests.filter((r) => r.url.startsWith(stytch.endpoint)).map((r) => new URL(r.url).pathname.slice(7));
  assert.deepEqual(ranged, [sha1(PASSWORDS.breachedWeak).slice(0, 5)]);
  await p.close();
});

test('a form with no email field: the page\'s default is serve --breach-without-email; withoutEmail: false is serve\'s default', async () => {
  for (const [hibp, base, check] of [
    [{ endpoint: stytch.endpoint }, stytchWithoutEmail.url, 'breached'],
    [{ endpoint: stytch.endpoint, withoutEmail: false }, stytch.url, 'skipped'],
  ]) {
    const { p } = await page(hibp);
    await p.fill('#name2', FORM.name);
    for (const password of [PASSWORDS.breachedStrong, PASSWORDS.strong, PASSWORDS.weak]) {
      const onPage = await pageVerdict(p, 'short', 'pw2', password);
      const onServer = await serverVerdict(base, { password, form_fields: [{ type: 'text', value: FORM.name }] });
      assert.deepEqual(verdict(onPage), verdict(onServer), `${password} ${JSON.stringify(hibp)}`);
      if (password === PASSWORDS.breachedStrong) assert.equal(onPage.breach_check, check);
    }
    await p.close();
  }
});
