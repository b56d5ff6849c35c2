// The widget fails closed and never blocks forever (issue 14, items 1-4):
// a quick submit waits for the breach check; a value set by script is
// judged as itself; over-length has its own state; nothing weak is valid
// while the engine loads, and a failed start leaves a minimum rule on the
// input. In headless Chromium against the HIBP stand-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp, record } from './helpers.mjs';

const BREACHED = 'violet lantern quarry 77 mosaic';
const CLEAN = 'amber tundra kettle 19 orbit';
const STRONG = 'correct horse battery staple gallon';

let server, browser, hibp;
/** Per-path delay (ms, or Infinity for never) and refusals, for the engine's files. */
const slow = new Map();
const missing = new Set();

before(async () => {
  [server, browser, hibp] = await Promise.all([
    serveRepo({
      handle(req, res) {
        const path = new URL(req.url, 'http://x').pathname;
        if (missing.has(path)) {
          res.writeHead(404).end('gone');
          return true;
        }
        const delay = slow.get(path);
        if (delay === undefined) return false;
        if (delay === Infinity) return new Promise(() => {}); // never answers
        return new Promise((r) => setTimeout(() => r(false), delay));
      },
    }),
    launch(),
    startHibp({ breached: { [BREACHED]: 4242 } }),
  ]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

async function page(name = 'widget.html') {
  const p = await browser.context.newPage();
  const log = record(p);
  await p.goto(`${server.url}web/test/fixtures/${name}`);
  return { page: p, log };
}

/** Attaches with the given options (load options under .load). */
async function attached(p, { load = {}, ...options } = {}) {
  await p.evaluate(async ({ load, options }) => {
    const api = await passmeter.load(load);
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', ...options });
    // every state the breach line goes through
    window.breachStates = [];
    new MutationObserver(() => window.breachStates.push(document.querySelector('#out .passmeter').dataset.breach))
      .observe(document.querySelector('#out .passmeter'), { attributes: true, attributeFilter: ['data-breach'] });
  }, { load, options });
}

const state = (p) => p.evaluate(() => {
  const root = document.querySelector('.passmeter');
  const pw = document.getElementById('pw');
  return {
    state: root.dataset.state,
    breach: root.dataset.breach,
    level: root.querySelector('.passmeter-level').textContent,
    warning: root.querySelector('.passmeter-warning').hidden ? null : root.querySelector('.passmeter-warning').textContent,
    note: root.querySelector('.passmeter-breach').hidden ? null : root.querySelector('.passmeter-breach').textContent,
    error: root.querySelector('.passmeter-error').hidden ? null : root.querySelector('.passmeter-error').textContent,
    live: root.querySelector('.passmeter-live').textContent,
    valid: pw.validity.valid,
    message: pw.validationMessage,
    submits: window.submits,
    last: window.changes.at(-1),
  };
});

const ranges = (log) => log.requests.filter((r) => r.url.startsWith(hibp.endpoint)).length;

test('a quick submit (Enter right after typing) waits for the breach check and blocks on a breach', async () => {
  const { page: p, log } = await page();
  await attached(p, { load: { hibp: { endpoint: hibp.endpoint } } });
  await p.click('#pw');
  await p.keyboard.type(BREACHED);
  await p.keyboard.press('Enter'); // well inside the 1.2 s pause
  await p.waitForFunction(() => document.querySelector('.passmeter').dataset.breach === 'breached');
  await p.waitForTimeout(300);
  const s = await state(p);
  assert.equal(s.submits, 0, 'a breached password is never submitted');
  assert.equal(s.state, 'breached');
  assert.equal(s.valid, false);
  assert.match(s.message, /appeared in a data breach/);
  assert.equal(s.last.breach, 'breached');
  assert.equal(ranges(log), 1);
  assert.ok((await p.evaluate(() => window.breachStates)).includes('checking'), 'the wait showed "checking"');
  await p.close();
});

test('a quick submit of a clean password goes through once the check says ok', async () => {
  const { page: p, log } = await page();
  await attached(p, { load: { hibp: { endpoint: hibp.endpoint } } });
  await p.click('#pw');
  await p.keyboard.type(CLEAN);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => window.submits === 1);
  const s = await state(p);
  assert.equal(s.last.breach, 'ok', 'the submit went through after the check answered');
  assert.equal(ranges(log), 1);
  assert.equal(s.note, 'Not found in known data breaches.');
  await p.close();
});

test('a failing or silent HIBP lets the quick submit through and says the check could not run', async () => {
  for (const [mode, timeoutMs] of [['error', 3000], ['hang', 600]]) {
    hibp.state.mode = mode;
    const { page: p } = await page();
    await attached(p, { load: { hibp: { endpoint: hibp.endpoint, timeoutMs } } });
    await p.click('#pw');
    await p.keyboard.type(`${mode} ${STRONG}`);
    const t0 = Date.now();
    await p.click('#go');
    await p.waitForFunction(() => window.submits === 1, null, { timeout: 5000 });
    const waited = Date.now() - t0;
    const s = await state(p);
    assert.equal(s.last.breach, 'unavailable', mode);
    assert.equal(s.note, 'Could not check known data breaches right now.', mode);
    assert.equal(s.valid, true, mode);
    if (mode === 'hang') assert.ok(waited >= 500 && waited < 3000, `waited ${waited} ms for a ${timeoutMs} ms time-out`);
    await p.waitForFunction(() => /Could not check/.test(document.querySelector('.passmeter-live').textContent));
    await p.close();
  }
  hibp.state.mode = 'normal';
});

// Weak passwords are checked too (core.BreachRule), but a submit of one
// is refused at once: a breach could not make it more invalid.
test('a quick submit of a weak password is refused without waiting for its breach check', async () => {
  hibp.state.mode = 'hang';
  const { page: p, log } = await page();
  await attached(p, { load: { hibp: { endpoint: hibp.endpoint, timeoutMs: 6000 } } });
  await p.click('#pw');
  await p.keyboard.type('password1');
  const t0 = Date.now();
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => {
    const root = document.querySelector('.passmeter');
    return !('holding' in root.dataset) && root.dataset.state === 'invalid' && /top|common|guess/i.test(document.getElementById('pw').validationMessage);
  }, null, { timeout: 4000 });
  const waited = Date.now() - t0;
  const s = await state(p);
  assert.ok(waited < 3000, `waited ${waited} ms; the breach check's time-out is 6 s`);
  assert.equal(s.submits, 0);
  assert.equal(s.valid, false);
  assert.equal(ranges(log), 1, 'the weak password\'s breach check still runs');
  hibp.state.mode = 'normal';
  await p.close();
});

test('a value set by script without an event is judged as itself at submit', async () => {
  const { page: p } = await page();
  await attached(p, { load: { hibp: { enabled: false } } });

  // "123456" over a strong password: refused, and the meter says why
  await p.fill('#pw', STRONG);
  await p.waitForSelector('.passmeter[data-state="valid"]');
  await p.evaluate(() => {
    document.getElementById('pw').value = '123456';
    document.getElementById('go').click(); // at once: no event, no poll in between
  });
  await p.waitForSelector('.passmeter[data-state="invalid"]');
  await p.waitForTimeout(300);
  let s = await state(p);
  assert.equal(s.submits, 0);
  assert.equal(s.level, 'Very weak');
  assert.match(s.message, /top-10 common password/);

  // a strong value over "password": goes through, judged as the strong one
  await p.fill('#pw', 'password');
  await p.waitForFunction(() => window.changes.at(-1)?.password_length === 8);
  await p.evaluate((v) => {
    document.getElementById('pw').value = v;
    document.getElementById('go').click();
  }, STRONG);
  await p.waitForFunction(() => window.submits === 1);
  s = await state(p);
  assert.equal(s.last.score, 4);
  assert.equal(s.level, 'Very strong');

  // and without any submit, the meter catches up by itself
  await p.evaluate(() => { document.getElementById('pw').value = 'qwerty'; });
  await p.waitForSelector('.passmeter[data-state="invalid"]', { timeout: 2000 });
  await p.close();
});

test('a breach result is never attached to another value', async () => {
  const { page: p, log } = await page();
  await attached(p, { load: { hibp: { endpoint: hibp.endpoint } } });
  await p.fill('#pw', BREACHED);
  await p.locator('#pw').blur();
  await p.waitForSelector('.passmeter[data-state="breached"]');
  // the breached value is replaced by script, and the form submitted at once
  await p.evaluate((v) => {
    document.getElementById('pw').value = v;
    document.getElementById('go').click();
  }, CLEAN);
  await p.waitForFunction(() => window.submits === 1);
  const s = await state(p);
  assert.equal(s.state, 'valid');
  assert.equal(s.last.breach, 'ok');
  assert.equal(ranges(log), 2, 'the new value had its own check');
  const changes = await p.evaluate(() => window.changes);
  const afterSwap = changes.slice(changes.findIndex((c) => c.breach === 'breached') + 1);
  assert.ok(afterSwap.every((c) => c.breach !== 'breached'), JSON.stringify(afterSwap));
  await p.close();
});

test('a 20,000-character paste in German: its own state, translated, announced', async () => {
  const { page: p, log } = await page();
  await attached(p, { locale: 'de', load: { hibp: { endpoint: hibp.endpoint } } });
  await p.fill('#pw', STRONG);
  await p.waitForSelector('.passmeter[data-state="valid"]');
  await p.evaluate(() => {
    const pw = document.getElementById('pw');
    pw.focus();
    pw.value = 'Aa1!'.repeat(5000);
    pw.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  });
  await p.waitForSelector('.passmeter[data-state="toolong"]');
  await p.waitForFunction(() => document.querySelector('.passmeter-live').textContent.includes('zu lang'));
  const s = await state(p);
  const msg = 'Dieses Passwort ist zu lang: höchstens 16.384 Zeichen (es hat 20.000).';
  assert.equal(s.level, 'Zu lang');
  assert.equal(s.message, msg);
  assert.equal(s.warning, msg);
  assert.equal(s.live, msg);
  assert.equal(s.valid, false);
  assert.equal(s.note, null, 'no "checking" for a password that cannot be used');
  assert.equal(await p.evaluate(() => document.querySelector('[role=meter]').getAttribute('aria-valuetext')), msg);
  await p.click('#go');
  await p.waitForTimeout(200);
  assert.equal((await state(p)).submits, 0);
  assert.equal(ranges(log), 0);
  await p.close();
});

test('while the engine loads nothing weak is valid, and a submit waits for the first score', async () => {
  slow.set('/web/dist/passmeter.wasm', 2500);
  try {
    const { page: p } = await page('widget-auto.html');
    await p.waitForSelector('#pw + .passmeter');
    await p.fill('#pw', '123');
    let s = await state(p);
    assert.equal(s.state, 'loading');
    assert.equal(s.valid, false);
    assert.equal(s.message, 'Checking password strength…');
    await p.click('#go');
    await p.waitForTimeout(200);
    assert.equal((await state(p)).submits, 0, 'nothing weak passes while the engine loads');

    // a strong one, submitted while still loading: sent once it has been scored
    await p.fill('#pw', STRONG);
    assert.equal((await state(p)).state, 'loading');
    await p.click('#go');
    await p.waitForFunction(() => window.submits === 1, null, { timeout: 10000 });
    s = await state(p);
    assert.equal(s.last.score, 4);
    assert.equal(s.state, 'valid');
    await p.close();
  } finally {
    slow.clear();
  }
});

test('an engine that never arrives: the wait is bounded and the minimum rule stands in', async () => {
  slow.set('/web/dist/passmeter.wasm', Infinity);
  try {
    const { page: p } = await page();
    await p.evaluate(() => {
      window.controller = passmeter.attach(document.getElementById('pw'), { target: '#out', waitMs: 800, load: { hibp: { enabled: false } } });
    });
    await p.fill('#pw', 'short');
    await p.click('#go');
    await p.waitForSelector('.passmeter[data-fallback]');
    let s = await state(p);
    assert.equal(s.submits, 0, 'too short for the minimum rule');
    assert.equal(s.warning, 'The strength checker is still loading, so only the length was checked: use at least 8 characters.');
    await p.fill('#pw', 'a longer one');
    await p.click('#go');
    await p.waitForFunction(() => window.submits === 1, null, { timeout: 3000 });
    await p.close();
  } finally {
    slow.clear();
  }
});

test('an engine that cannot start: the failure shows on the input, with a minimum rule', async () => {
  missing.add('/web/dist/passmeter.wasm');
  try {
    const { page: p, log } = await page('widget-auto.html');
    await p.waitForSelector('#pw + .passmeter');
    await p.focus('#pw'); // starts the module at once
    await p.waitForSelector('.passmeter[data-fallback]', { timeout: 5000 }).catch(() => {});
    await p.fill('#pw', 'abc');
    await p.waitForSelector('.passmeter[data-fallback]');
    const s = await state(p);
    assert.equal(s.state, 'invalid');
    assert.equal(s.message, 'The strength checker could not start, so only the length is checked: use at least 8 characters.');
    assert.match(s.error, /could not start the wasm .*passmeter\.wasm.*404/, 'load()\'s error names what failed, on the page');
    assert.ok(log.console.some((l) => /could not start the wasm/.test(l)));
    await p.fill('#pw', 'abcdefgh');
    await p.waitForSelector('.passmeter[data-state="valid"]');
    await p.click('#go');
    await p.waitForFunction(() => window.submits === 1);
    await p.close();
  } finally {
    missing.clear();
  }
});
