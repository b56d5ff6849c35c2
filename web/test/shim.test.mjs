// The shim in headless Chromium: load(), the worker, attach()/detach(),
// auto-attach, ordering of answers, errors, locales and the breach check
// against a local HIBP stand-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp, YEAR, openFixture } from './helpers.mjs';

const STRONG = 'correct horse battery staple gallon';
const BREACHED = 'violet lantern quarry 77 mosaic';
const CLEAN = 'amber tundra kettle 19 orbit';

let server, browser, hibp;

before(async () => {
  [server, browser, hibp] = await Promise.all([serveRepo(), launch(), startHibp({ breached: { [BREACHED]: 12345 } })]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

const fixture = (name = 'shim.html') => openFixture(browser, server, name);

test('load() starts one worker for concurrent calls; Sync forms need worker:false', async () => {
  const { page, log } = await fixture();
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const out = await page.evaluate(async (year) => {
    const [a, b] = await Promise.all([passmeter.load({ referenceYear: year }), passmeter.load({ referenceYear: year })]);
    const r = await a.strengthCheck({ password: 'password1' });
    let syncError = null;
    try {
      b.strengthCheckSync({ password: 'x' });
    } catch (e) {
      syncError = `${e.constructor.name}: ${e.message}`;
    }
    const main = await passmeter.load({ worker: false, referenceYear: year });
    const s = main.strengthCheckSync({ password: 'password1' });
    const lvl = main.securityLevelSync({ password: 'password1', emailBinded: true });
    return { score: r.score, warning: r.feedback.warning, syncError, syncScore: s.score, lvl };
  }, YEAR);
  assert.equal(out.score, 0);
  assert.equal(out.warning, 'This is a very common password');
  assert.match(out.syncError, /^Error: passmeter\.strengthCheckSync: .*worker: false/);
  assert.equal(out.syncScore, 0);
  assert.equal(out.lvl.passwordSet, true);
  assert.deepEqual(workers.map((u) => u.replace(server.url, '/')), ['/web/dist/passmeter.worker.js']);
  assert.deepEqual(log.errors, []);
  await page.close();
});

// The worker has Go's wasm_exec.js built in (web/build.mjs): starting it
// costs no request for that file, unless the page names one.
test('the worker starts without fetching wasm_exec.js, unless wasmExecURL is set', async () => {
  for (const [options, wantFetched] of [[{}, false], [{ wasmExecURL: '/web/dist/wasm_exec.js' }, true]]) {
    const { page, log } = await fixture();
    const paths = [];
    page.context().on('request', (r) => paths.push(new URL(r.url()).pathname));
    const score = await page.evaluate(async (o) => (await (await passmeter.load(o)).strengthCheck({ password: 'password1' })).score,
      { ...options, hibp: { enabled: false } });
    assert.equal(score, 0);
    assert.ok(paths.includes('/web/dist/passmeter.worker.js'), paths.join(' '));
    assert.equal(paths.includes('/web/dist/wasm_exec.js'), wantFetched, `${JSON.stringify(options)}: ${paths.join(' ')}`);
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test('the package served from another origin (a CDN) still scores in a worker', async () => {
  const cdn = await serveRepo({ cors: true, csp: false });
  const site = await serveRepo({
    csp: false,
    handle(req, res) {
      if (req.url !== '/page.html') return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><title>cdn</title><script src="${cdn.url}web/dist/passmeter.js" data-auto="off"></script>`);
      return true;
    },
  });
  try {
    const page = await browser.context.newPage();
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`${site.url}page.html`);
    const score = await page.evaluate(async () => (await (await passmeter.load()).strengthCheck({ password: 'correct horse battery staple gallon' })).score);
    assert.equal(score, 4);
    assert.equal(workers.length, 1);
    assert.match(workers[0], /^blob:/);
    await page.close();
  } finally {
    await Promise.all([cdn.close(), site.close()]);
  }
});

test('a failed start rejects clearly and load() can be retried', async () => {
  const { page } = await fixture();
  const out = await page.evaluate(async () => {
    const errors = [];
    for (const opts of [{ wasmURL: '/nope.wasm' }, { workerURL: '/nope-worker.js', worker: true }, { wasmURL: '/nope.wasm', worker: false }, { workerURL: '/nope-worker.js' }]) {
      try {
        errors.push(`resolved on ${(await passmeter.load(opts)).thread}`);
      } catch (e) {
        errors.push(`${e.name}: ${e.message}`);
      }
    }
    const api = await passmeter.load();
    return { errors, score: (await api.strengthCheck({ password: 'correct horse battery staple gallon' })).score };
  });
  assert.match(out.errors[0], /^Error: passmeter\.load: could not start the wasm .*nope\.wasm.*404/);
  assert.match(out.errors[1], /^Error: passmeter\.load: could not start the worker .*nope-worker\.js.*worker-src/);
  assert.match(out.errors[2], /^Error: passmeter\.load: could not start the wasm .*404/);
  // without an explicit worker: true, a worker that cannot start gives way to the main thread
  assert.equal(out.errors[3], 'resolved on main');
  assert.equal(out.score, 4);
  await page.close();
});

// wasm_exec.js defines a process stand-in without env; libraries that test
// `typeof process` and read process.env would throw if it stayed.
test('the main-thread engine leaves no process stand-in on the page, and keeps a page\'s own', async () => {
  for (const own of [false, true]) {
    const { page, log } = await fixture();
    const out = await page.evaluate(async ([year, own]) => {
      if (own) globalThis.process = { env: { NODE_ENV: 'production' } };
      const api = await passmeter.load({ worker: false, referenceYear: year });
      const seen = typeof process === 'undefined' ? 'undefined' : JSON.stringify(process.env ?? null);
      // as a library that tells Node from a browser would
      const mode = typeof process !== 'undefined' && process.env.NODE_ENV;
      return { seen, mode, score: api.strengthCheckSync({ password: 'password1' }).score, fs: typeof globalThis.fs };
    }, [YEAR, own]);
    assert.equal(out.seen, own ? '{"NODE_ENV":"production"}' : 'undefined');
    assert.equal(out.mode, own ? 'production' : false);
    assert.equal(out.score, 0);
    assert.equal(out.fs, 'object'); // wasm_exec.js writes Go's output through it
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test('bad requests reject with a TypeError naming the field, from the worker too', async () => {
  const { page } = await fixture();
  const out = await page.evaluate(async () => {
    const api = await passmeter.load();
    const caught = [];
    for (const req of [{ password: 5 }, null, { password: 'x', luds: { min_complexity: 9 } }, { password: 'x', fn() {} }]) {
      try {
        await api.strengthCheck(req);
        caught.push('resolved');
      } catch (e) {
        caught.push({ type: e.constructor.name, message: e.message, field: e.field });
      }
    }
    return { caught, after: (await api.strengthCheck({ password: 'still fine' })).status_code };
  });
  assert.deepEqual(out.caught.map((c) => c.type), ['TypeError', 'TypeError', 'TypeError', 'TypeError']);
  assert.match(out.caught[0].message, /password/);
  assert.equal(out.caught[0].field, 'password');
  assert.match(out.caught[1].message, /request: must be an object/);
  assert.match(out.caught[2].message, /luds\.min_complexity/);
  assert.match(out.caught[3].message, /request: must be plain data/);
  assert.equal(out.after, 200);
  await page.close();
});

test('a slow answer for old text never replaces the newer one', async () => {
  const { page } = await fixture();
  await page.evaluate(async () => {
    const api = await passmeter.load({ workerURL: '/web/test/fixtures/slow-worker.js', hibp: { enabled: false } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out' });
  });
  await page.waitForFunction(() => window.changes.length === 1);
  // "aaa" is answered 800 ms late by the slowed worker; the strong text after it at once.
  await page.fill('#pw', 'aaa');
  await page.fill('#pw', STRONG);
  await page.waitForSelector('#out .passmeter[data-score="4"]');
  await page.waitForTimeout(1200); // the old answer has arrived by now
  const state = await page.evaluate(() => ({
    score: document.querySelector('#out .passmeter').dataset.score,
    text: document.querySelector('#out .passmeter-level').textContent,
    changes: window.changes.map((c) => c.score),
    shown: window.controller.response.score,
  }));
  assert.equal(state.score, '4');
  assert.equal(state.text, 'Very strong');
  assert.equal(state.shown, 4);
  assert.deepEqual(state.changes, [0, 4], 'the late answer for "aaa" was dropped, not shown');
  await page.close();
});

test('blurred while the answer is on its way: the breach check runs when it arrives', async () => {
  const { page, log } = await fixture();
  await page.evaluate(async (endpoint) => {
    const api = await passmeter.load({ workerURL: '/web/test/fixtures/slow-worker.js', hibp: { endpoint } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', breachDelayMs: 60000 });
  }, hibp.endpoint);
  await page.fill('#pw', 'slow strong horse battery staple'); // answered 600 ms late
  await page.locator('#pw').blur();
  await page.waitForFunction(() => window.changes.at(-1)?.breach === 'ok', null, { timeout: 5000 });
  assert.equal(log.requests.filter((r) => r.url.startsWith(hibp.endpoint)).length, 1);
  await page.close();
});

test('attach: meter, text, aria, validity, events, user inputs; detach removes it all', async () => {
  const { page } = await fixture();
  const before = await page.evaluate(() => document.getElementById('form').outerHTML);
  await page.evaluate(async (year) => {
    const api = await passmeter.load({ referenceYear: year, hibp: { enabled: false } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', inputs: '#email,#name' });
  }, YEAR);
  await page.fill('#email', 'zelda@example.com');
  await page.fill('#name', 'Quentin Zyxwvu');
  await page.fill('#pw', 'zyxwvu');
  await page.waitForFunction(() => window.changes.at(-1)?.password_length === 6);
  // the text and the announcement settle after a pause (settleMs, 700 ms)
  await page.waitForFunction(() => document.querySelector('#out [aria-live]').textContent !== '');
  const weak = await page.evaluate(() => {
    const pw = document.getElementById('pw');
    const root = document.querySelector('#out .passmeter');
    return {
      state: root.dataset.state,
      sequence: window.controller.response.sequence.map((m) => m.dictionary_name || m.pattern),
      valid: pw.checkValidity(),
      message: pw.validationMessage,
      describedby: pw.getAttribute('aria-describedby'),
      invalid: pw.getAttribute('aria-invalid'),
      live: root.querySelector('[aria-live="polite"]').textContent,
      valuetext: root.querySelector('[role="meter"]').getAttribute('aria-valuetext'),
    };
  });
  assert.equal(weak.state, 'invalid');
  assert.deepEqual(weak.sequence, ['user_inputs'], 'the name field counts as a user input');
  assert.equal(weak.valid, false);
  // no zxcvbn warning for a user input: the message states the threshold
  assert.equal(weak.message, 'Use a stronger password: at least “Strong”.');
  assert.match(weak.describedby, /^pw-hint passmeter-\d+-details$/);
  assert.equal(weak.invalid, null, 'aria-invalid waits until the user leaves the field');
  assert.equal(weak.live, 'Password strength: Very weak. Use a stronger password: at least “Strong”.');
  assert.equal(weak.valuetext, 'Very weak');

  // the email's local part is a user input too
  await page.fill('#pw', 'zelda');
  await page.waitForFunction(() => window.changes.at(-1)?.password_length === 5);
  assert.equal(await page.evaluate(() => window.controller.response.sequence[0].dictionary_name), 'user_inputs');

  // the live region speaks only when the level changes
  const spoken = await page.evaluate(async () => {
    const live = document.querySelector('#out [aria-live]');
    const seen = [];
    const mo = new MutationObserver(() => seen.push(live.textContent));
    mo.observe(live, { childList: true, characterData: true, subtree: true });
    const pw = document.getElementById('pw');
    for (const v of ['zeldaq', 'zeldaqx', 'zeldaqxj']) {
      pw.value = v;
      pw.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 50));
    }
    mo.disconnect();
    return seen;
  });
  assert.ok(spoken.length <= 1, `announced ${JSON.stringify(spoken)}`);

  await page.evaluate(() => window.controller.detach());
  const afterDetach = await page.evaluate(() => {
    const pw = document.getElementById('pw');
    return { html: document.getElementById('form').outerHTML, valid: pw.validity.customError, n: window.changes.length };
  });
  assert.equal(afterDetach.html.replace(/ value="[^"]*"/g, ''), before.replace(/ value="[^"]*"/g, ''));
  assert.equal(afterDetach.valid, false);
  await page.fill('#pw', 'something else');
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => window.changes.length), afterDetach.n, 'no listener left');
  await page.close();
});

test('auto-attach on load and for inputs added later, with data-* options and the page locale', async () => {
  const { page, log } = await fixture('auto.html');
  await page.waitForSelector('#pw + .passmeter');
  await page.fill('#pw', 'jan');
  await page.waitForSelector('#pw + .passmeter[data-state="invalid"]');
  const de = await page.evaluate(() => ({
    level: document.querySelector('#pw + .passmeter .passmeter-level').textContent,
    message: document.getElementById('pw').validationMessage,
  }));
  assert.equal(de.level, 'Sehr schwach');
  assert.equal(de.message, "Wähle ein stärkeres Passwort: mindestens „Stark“.");

  await page.fill('#pw-luds', 'abc');
  await page.waitForSelector('#pw-luds + .passmeter[data-state="invalid"]');
  await page.waitForSelector('#pw-luds + .passmeter li'); // the text settles after a pause
  const luds = await page.evaluate(() => [...document.querySelectorAll('#pw-luds + .passmeter li')].map((li) => li.textContent));
  assert.deepEqual(luds, ['Füge 7 weitere Zeichen hinzu.', 'Füge 2 weitere Zeichenarten hinzu: Großbuchstaben, Ziffern oder Symbole.']);

  await page.evaluate(() => {
    const i = document.createElement('input');
    i.type = 'password';
    i.id = 'later';
    i.dataset.passmeter = '';
    document.getElementById('more').append(i);
  });
  await page.waitForSelector('#later + .passmeter');
  await page.evaluate(() => document.getElementById('later').remove());
  await page.waitForFunction(() => document.querySelectorAll('.passmeter').length === 2);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a locale that is not built in, by its script tag: the page in Japanese', async () => {
  const { default: locales } = await import('../src/i18n/locales.js');
  const ja = locales.ja;
  const { page, log } = await fixture('locale.html');
  await page.waitForSelector('#pw + .passmeter');
  await page.fill('#pw', 'password');
  await page.waitForSelector('#pw + .passmeter[data-state="invalid"]');
  const got = await page.evaluate(() => ({
    level: document.querySelector('#pw + .passmeter .passmeter-level').textContent,
    message: document.getElementById('pw').validationMessage,
    locales: window.passmeter.locales.length,
  }));
  assert.equal(got.level, ja.ui.level0);
  assert.equal(got.message, ja.ui.tooWeakWarning.replace('{warning}', ja.feedback.warnings.topTen));
  assert.ok(got.locales >= 20);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('breach check against the stand-in: breached, clean with padding, 500, time-out, malformed', async () => {
  const { page } = await fixture();
  hibp.state.paddingFor = [CLEAN];
  const run = async (mode, password, timeoutMs = 3000) => {
    hibp.state.mode = mode;
    return page.evaluate(async ({ endpoint, password, timeoutMs }) => {
      const api = await passmeter.load({ hibp: { endpoint, timeoutMs } });
      const t0 = performance.now();
      const r = await api.strengthCheck({ password }, { breach: true });
      return { check: r.breach_check, breached: r.breached_password, valid: r.valid_password, on: r.breach_detection_on_create, ms: performance.now() - t0 };
    }, { endpoint: hibp.endpoint, password, timeoutMs });
  };
  assert.deepEqual(await run('normal', BREACHED).then(({ ms, ...r }) => r), { check: 'breached', breached: true, valid: false, on: true });
  assert.deepEqual(await run('normal', CLEAN).then(({ ms, ...r }) => r), { check: 'ok', breached: false, valid: true, on: true });
  assert.deepEqual(await run('error', 'another one 123 xyz').then(({ ms, ...r }) => r), { check: 'unavailable', breached: false, valid: true, on: true });
  assert.deepEqual(await run('garbage', 'yet another 456 qrs').then(({ ms, ...r }) => r), { check: 'unavailable', breached: false, valid: true, on: true });
  const slow = await run('hang', 'and one more 789 tuv', 400);
  assert.equal(slow.check, 'unavailable');
  assert.ok(slow.ms < 2500, `timed out after ${slow.ms} ms`);
  hibp.state.mode = 'normal';
  hibp.state.paddingFor = [];
  await page.close();
});

test('attach: the breach check runs after a pause, on blur, never blocks the form', async () => {
  const { page, log } = await fixture();
  await page.evaluate(async (endpoint) => {
    const api = await passmeter.load({ hibp: { endpoint, timeoutMs: 400 } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', breachDelayMs: 300 });
  }, hibp.endpoint);
  const rangeRequests = () => log.requests.filter((r) => r.url.startsWith(hibp.endpoint)).length;

  // typing: no request until the pause
  await page.click('#pw');
  await page.keyboard.type(BREACHED, { delay: 5 });
  assert.equal(rangeRequests(), 0, 'nothing is sent while typing');
  await page.waitForSelector('#out .passmeter-breach[data-state="breached"]');
  const breached = await page.evaluate(() => ({
    text: document.querySelector('#out .passmeter-breach').textContent,
    valid: document.getElementById('pw').checkValidity(),
    last: window.changes.at(-1),
  }));
  assert.match(breached.text, /appeared in a data breach/);
  assert.equal(breached.valid, false);
  assert.equal(breached.last.breach, 'breached');

  // a stand-in that hangs: submitting still goes through
  hibp.state.mode = 'hang';
  await page.fill('#pw', 'and one more 789 tuv');
  await page.waitForFunction(() => window.changes.at(-1)?.valid === true);
  await page.click('#go');
  await page.waitForFunction(() => window.submits === 1);
  await page.waitForSelector('#out .passmeter-breach[data-state="unavailable"]');
  assert.equal(await page.evaluate(() => document.getElementById('pw').checkValidity()), true);
  hibp.state.mode = 'normal';

  // blur checks at once
  await page.evaluate(() => window.controller.detach());
  await page.evaluate(async (endpoint) => {
    const api = await passmeter.load({ hibp: { endpoint } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', breachDelayMs: 60000 });
  }, hibp.endpoint);
  await page.fill('#pw', CLEAN);
  await page.waitForFunction((n) => window.controller.response?.sequence.map((m) => m.token).join('').length === n, CLEAN.length);
  // before the pause the answer says a check is configured, and none has run yet
  assert.deepEqual(await page.evaluate(() => [window.changes.at(-1).breach, window.changes.at(-1).configured]), ['skipped', true],
    'no check while focused, before the pause');
  await page.locator('#pw').blur();
  await page.waitForFunction(() => window.changes.at(-1)?.breach === 'ok');
  await page.close();
});
