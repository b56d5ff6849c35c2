// The demo (index.html) end to end in headless Chromium, served the way
// scripts/demo.sh serves it (strict CSP), with a local HIBP stand-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveRepo, launch, startHibp, record, demoReady, sha1, CSP, YEAR } from './helpers.mjs';

const WEAK = 'password1';
const STRONG = 'correct horse battery staple gallon';
const BREACHED = 'violet lantern quarry 77 mosaic';
const SECRET = 'Mauve otter juggles 42 lanterns!';

let server, browser, hibp, shots;

before(async () => {
  [server, browser, hibp, shots] = await Promise.all([
    serveRepo(), launch(), startHibp({ breached: { [BREACHED]: 987 } }), mkdtemp(join(tmpdir(), 'passmeter-shots-')),
  ]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

async function demo(query = '') {
  const page = await browser.context.newPage();
  const log = record(page);
  const res = await page.goto(`${server.url}index.html?hibp=${encodeURIComponent(hibp.endpoint)}${query}`);
  await demoReady(page);
  await page.evaluate(() => {
    window.__changes = [];
    document.getElementById('password').addEventListener('passmeter:change', (e) => window.__changes.push(e.detail));
  });
  return { page, log, res };
}

const meterState = (page) => page.evaluate(() => {
  const root = document.querySelector('#password-feedback .passmeter');
  const meter = root.querySelector('[role="meter"]');
  const pw = document.getElementById('password');
  return {
    state: root.dataset.state,
    score: meter.getAttribute('aria-valuenow'),
    valuetext: meter.getAttribute('aria-valuetext'),
    level: root.querySelector('.passmeter-level').textContent,
    warning: root.querySelector('.passmeter-warning').hidden ? null : root.querySelector('.passmeter-warning').textContent,
    suggestions: [...root.querySelectorAll('.passmeter-suggestions li')].map((li) => li.textContent),
    breach: root.querySelector('.passmeter-breach').hidden ? null : root.querySelector('.passmeter-breach').dataset.state,
    live: root.querySelector('[aria-live="polite"]').textContent,
    valid: pw.checkValidity(),
    message: pw.validationMessage,
    invalid: pw.getAttribute('aria-invalid'),
    describedby: pw.getAttribute('aria-describedby'),
  };
});

async function fillIdentity(page) {
  await page.fill('#name', 'Ada Lovelace');
  await page.fill('#email', 'ada@example.com');
}

test('typing a weak then a strong password updates the meter, text, aria state and validity', async () => {
  const { page, log } = await demo();
  await fillIdentity(page);
  await page.click('#password');
  await page.keyboard.type(WEAK);
  await page.waitForFunction((n) => window.__changes.at(-1)?.sequence?.map((m) => m.token).join('').length === n, WEAK.length);
  assert.equal((await meterState(page)).invalid, null, 'no aria-invalid while the user is still typing');
  await page.locator('#password').blur(); // leaving the field: the text at once, aria-invalid
  const weak = await meterState(page);
  assert.equal(weak.state, 'invalid');
  assert.equal(weak.score, '0');
  assert.equal(weak.valuetext, 'Very weak');
  assert.equal(weak.level, 'Very weak');
  assert.equal(weak.warning, 'This is a very common password');
  assert.deepEqual(weak.suggestions, ['Add another word or two. Uncommon words are better.']);
  assert.equal(weak.live, 'Password strength: Very weak. This is a very common password');
  assert.equal(weak.valid, false);
  assert.equal(weak.message, 'Choose a stronger password. This is a very common password.');
  assert.equal(weak.invalid, 'true');
  assert.match(weak.describedby, /^password-hint passmeter-\d+-details$/);

  await page.fill('#password', STRONG);
  await page.waitForSelector('#password-feedback .passmeter[data-state="valid"]');
  await page.locator('#password').blur();
  const strong = await meterState(page);
  assert.equal(strong.score, '4');
  assert.equal(strong.valuetext, 'Very strong');
  assert.equal(strong.warning, null);
  assert.deepEqual(strong.suggestions, []);
  assert.equal(strong.live, 'Password strength: Very strong');
  assert.equal(strong.valid, true);
  assert.equal(strong.message, '');
  assert.equal(strong.invalid, null);

  // passmeter:change carries Stytch's response
  const last = await page.evaluate(() => window.__changes.at(-1));
  for (const f of ['status_code', 'request_id', 'valid_password', 'score', 'breached_password', 'strength_policy',
    'breach_detection_on_create', 'feedback', 'breach_check', 'guesses', 'guesses_log10', 'crack_times_seconds',
    'crack_times_display', 'sequence', 'calc_time_ms']) {
    assert.ok(f in last, `passmeter:change detail has ${f}`);
  }
  assert.equal(last.status_code, 200);
  assert.match(last.request_id, /^request-id-/);
  assert.equal(last.strength_policy, 'zxcvbn');
  assert.deepEqual(Object.keys(last.feedback).sort(), ['codes', 'luds_requirements', 'suggestions', 'warning']);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('submitting with a weak password is blocked by the browser; a strong one goes through', async () => {
  const { page } = await demo();
  await fillIdentity(page);
  await page.check('#terms');
  await page.fill('#password', WEAK);
  await page.waitForSelector('#password-feedback .passmeter[data-state="invalid"]');
  await page.click('#submit');
  await page.waitForTimeout(200);
  assert.equal(await page.isHidden('#welcome-card'), true, 'a weak password does not submit');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password', 'the browser points at the password');

  await page.fill('#password', 'Tr0ub4dor&3 plus purple giraffes');
  await page.waitForSelector('#password-feedback .passmeter[data-state="valid"]');
  await page.click('#submit');
  await page.waitForSelector('#welcome-card:not([hidden])');
  await page.waitForFunction(() => document.getElementById('security-score').textContent !== '–');
  const before = Number(await page.textContent('#security-score'));
  await page.check('#mfa');
  await page.waitForFunction((b) => Number(document.getElementById('security-score').textContent) > b, before);
  await page.close();
});

test('breach check in the form: breached blocks, a failing or silent HIBP never does', async () => {
  const { page, log } = await demo();
  await fillIdentity(page);
  await page.check('#terms');
  await page.fill('#password', BREACHED);
  await page.waitForSelector('#password-feedback .passmeter[data-state="valid"]');
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="breached"]');
  let s = await meterState(page);
  assert.equal(s.valid, false);
  assert.match(s.message, /appeared in a data breach/);
  assert.match(s.live, /appeared in a data breach/);
  const last = await page.evaluate(() => window.__changes.at(-1));
  assert.equal(last.breach_check, 'breached');
  assert.equal(last.breached_password, true);
  assert.equal(last.valid_password, false);
  await page.click('#submit');
  await page.waitForTimeout(150);
  assert.equal(await page.isHidden('#welcome-card'), true);

  // a 500 from the stand-in: unavailable, the strength verdict stands
  hibp.state.mode = 'error';
  await page.fill('#password', STRONG);
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="unavailable"]');
  s = await meterState(page);
  assert.equal(s.valid, true);
  assert.equal((await page.evaluate(() => window.__changes.at(-1))).breach_check, 'unavailable');

  // a stand-in that never answers: the submit waits for the check's
  // time-out (3 s), showing "checking", then goes through
  hibp.state.mode = 'hang';
  await page.fill('#password', 'and one more 789 tuv xyz');
  await page.waitForSelector('#password-feedback .passmeter[data-state="valid"]');
  await page.click('#submit');
  await page.waitForSelector('#password-feedback .passmeter[data-breach="checking"]', { timeout: 1000 });
  await page.waitForSelector('#welcome-card:not([hidden])', { timeout: 6000 });
  hibp.state.mode = 'normal';
  assert.ok(log.requests.some((r) => r.url.startsWith(hibp.endpoint + '/')));
  await page.close();
});

test('privacy: only the 5-hex prefix leaves the page; the password is in no URL, console line, attribute or storage', async () => {
  const { page, log } = await demo();
  const hash = sha1(SECRET);
  await fillIdentity(page);
  await page.click('#password');
  await page.keyboard.type(SECRET, { delay: 10 });
  await page.click('#toggle'); // shown as text: still no attribute holds it
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="ok"]');
  await page.click('#toggle');
  await page.check('#terms');
  await page.click('#submit');
  await page.waitForSelector('#welcome-card:not([hidden])');

  const leaks = (s) => {
    if (!s) return false;
    const v = String(s);
    const variants = [SECRET, encodeURIComponent(SECRET), SECRET.replace(/ /g, '+'), hash, hash.slice(5), hash.toLowerCase().slice(5)];
    return variants.some((x) => v.includes(x));
  };
  const ranged = log.requests.filter((r) => r.url.startsWith(hibp.endpoint));
  assert.equal(ranged.length, 1, 'one range request, after the pause, for the final text');
  assert.equal(new URL(ranged[0].url).pathname, `/range/${hash.slice(0, 5)}`);
  assert.match(new URL(ranged[0].url).pathname, /^\/range\/[0-9A-F]{5}$/);
  assert.equal(new URL(ranged[0].url).search, '');
  assert.equal(ranged[0].headers['add-padding'], 'true');
  for (const r of log.requests) {
    assert.ok(!leaks(r.url) && !leaks(r.body) && !leaks(JSON.stringify(r.headers)), `request ${r.method} ${r.url}`);
    if (!r.url.startsWith(hibp.endpoint)) assert.ok(!r.url.includes(hash.slice(0, 5)), `only the range request carries the prefix: ${r.url}`);
  }
  assert.ok(hibp.requests.every((r) => /^\/range\/[0-9A-F]{5}$/.test(r.url)));
  for (const line of log.console) assert.ok(!leaks(line), `console: ${line}`);

  const found = await page.evaluate(async (secret) => {
    const hits = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) if (a.value.includes(secret)) hits.push(`${el.tagName}[${a.name}]`);
    }
    const store = [];
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) store.push(s.key(i), s.getItem(s.key(i)));
    return {
      hits,
      valueAttr: document.getElementById('password').getAttribute('value'),
      store,
      cookie: document.cookie,
      dbs: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
      caches: await caches.keys(),
      history: location.href,
    };
  }, SECRET);
  assert.deepEqual(found.hits, []);
  assert.equal(found.valueAttr, null);
  assert.deepEqual(found.store, []);
  assert.equal(found.cookie, '');
  assert.deepEqual(found.dbs, []);
  assert.deepEqual(found.caches, []);
  assert.ok(!leaks(found.history));
  await page.close();
});

test('the demo works under script-src \'self\' \'wasm-unsafe-eval\' and has no inline script', async () => {
  const { page, log, res } = await demo();
  assert.equal(res.headers()['content-security-policy'], CSP);
  const inline = await page.evaluate(async () => {
    const inlineScripts = [...document.scripts].filter((s) => !s.src).length;
    const inlineHandlers = [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length;
    // The policy is in force: an inline script is refused.
    const refused = new Promise((r) => document.addEventListener('securitypolicyviolation', (e) => r(e.violatedDirective), { once: true }));
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return { inlineScripts, inlineHandlers, refused: await refused, ran: window.__inlineRan === true };
  });
  assert.deepEqual(inline, { inlineScripts: 0, inlineHandlers: 0, refused: 'script-src-elem', ran: false });
  await page.fill('#password', WEAK);
  await page.waitForSelector('#password-feedback .passmeter[data-state="invalid"]');
  const violations = log.console.filter((l) => /Content Security Policy/i.test(l) && !/inline script/i.test(l));
  assert.deepEqual(violations, []);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('the Node entry gives the same answers as the browser', async () => {
  const samples = [
    { password: '' },
    { password: WEAK },
    { password: STRONG },
    { password: 'Tr0ub4dor&3' },
    { password: 'ada1815lovelace', email: 'ada@example.com', user_inputs: ['Ada Lovelace'] },
    { password: 'pässwörd 密码 😀😀😀' },
    { password: '12/25/1991qwerty' },
    { password: 'abc', strength_policy: 'luds', luds: { min_length: 10, min_complexity: 2 } },
    { password: 'x'.repeat(300) + 'zxcvbnm' },
  ].map((r) => ({ ...r, reference_year: YEAR }));
  const { page } = await demo();
  const inBrowser = await page.evaluate(async (reqs) => {
    const api = await passmeter.load();
    return Promise.all(reqs.map((r) => api.strengthCheck(r)));
  }, samples);
  const pm = await import(new URL('../dist/passmeter.mjs', import.meta.url).href);
  const api = await pm.load();
  const strip = ({ request_id, calc_time_ms, ...rest }) => rest;
  for (let i = 0; i < samples.length; i++) {
    assert.deepEqual(strip(api.strengthCheckSync(samples[i])), strip(inBrowser[i]), `sample ${i}`);
  }
  await page.close();
});

test('screenshot of the demo, and the meter state in the DOM', async (t) => {
  const { page } = await demo('&locale=en');
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no colour half-way through a transition
  await fillIdentity(page);
  await page.click('#password');
  await page.keyboard.type('P@ssw0rd2024');
  await page.waitForFunction(() => window.__changes.at(-1)?.sequence.at(-1)?.j === 11);
  await page.waitForSelector('#password-feedback .passmeter-warning:not([hidden])'); // the text settles after a pause
  const weakShot = join(shots, 'demo-weak.png');
  await page.screenshot({ path: weakShot, fullPage: true });
  const weak = await meterState(page);
  assert.equal(weak.state, 'invalid');
  assert.equal(weak.score, '1');
  assert.equal(weak.level, 'Weak');
  assert.equal(weak.warning, 'This is similar to a commonly used password');
  assert.equal(await page.evaluate(() => document.querySelector('#password-feedback .passmeter').dataset.filled), '2', 'score 1: two of five segments');

  await page.fill('#password', STRONG);
  await page.locator('#password').blur();
  await page.waitForSelector('#password-feedback .passmeter-breach[data-state="ok"]');
  const strongShot = join(shots, 'demo-strong.png');
  await page.screenshot({ path: strongShot, fullPage: true });
  const strong = await meterState(page);
  assert.equal(strong.level, 'Very strong');
  assert.equal(strong.breach, 'ok');

  // the same page in German, by the language menu
  await page.selectOption('#locale', 'de');
  await page.waitForFunction(() => document.querySelector('#password-feedback .passmeter-level')?.textContent === 'Sehr stark');
  await page.fill('#password', WEAK);
  await page.waitForSelector('#password-feedback .passmeter[data-state="invalid"]');
  await page.locator('#password').blur();
  assert.equal((await meterState(page)).warning, 'Dies ist ein oft verwendetes Passwort'); // zxcvbn-ts's German
  const deShot = join(shots, 'demo-de.png');
  await page.screenshot({ path: deShot, fullPage: true });
  t.diagnostic(`screenshots: ${weakShot} ${strongShot} ${deShot}`);
  await page.close();
});
