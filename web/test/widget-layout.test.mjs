// The widget holds still while the user types, and speaks after a pause
// (issue 14, items 5 and 8): nothing below it moves by more than 4 px after
// the first keystroke (sampled every frame with getBoundingClientRect), the
// bar never narrows, the live region speaks the level and the warning once
// the typing stops, and aria-invalid waits until the user leaves the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp } from './helpers.mjs';

let server, browser, hibp;

before(async () => {
  [server, browser, hibp] = await Promise.all([serveRepo(), launch(), startHibp()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

async function widget({ locale = 'en', width = 1200, fixture = 'widget.html' } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${server.url}web/test/fixtures/${fixture}`);
  await page.evaluate(async ({ endpoint, locale }) => {
    const api = await passmeter.load({ hibp: { endpoint } });
    window.controller = api.attach(document.getElementById('pw'), { target: '#out', locale });
  }, { endpoint: hibp.endpoint, locale });
  return page;
}

/** Samples the top of #below and #go and the meter's width on every frame. */
const startSampling = (page) => page.evaluate(() => {
  window.samples = [];
  const below = document.getElementById('below');
  const go = document.getElementById('go');
  const meter = document.querySelector('.passmeter-meter');
  const tick = () => {
    window.samples.push({
      t: performance.now(),
      n: window.changes.length,
      below: below.getBoundingClientRect().top,
      go: go.getBoundingClientRect().top,
      bar: meter.getBoundingClientRect().width,
    });
    window.sampling = requestAnimationFrame(tick);
  };
  tick();
});

/** Types text key by key (delay ms apart), then waits pause ms. */
async function typeRun(page, steps) {
  for (const [text, delay, pause] of steps) {
    for (const ch of text) {
      if (ch === '\b') await page.keyboard.press('Backspace');
      else await page.keyboard.type(ch);
      await page.waitForTimeout(delay);
    }
    await page.waitForTimeout(pause);
  }
}

const RUN = [
  ['c', 60, 0],
  ['orr', 60, 900], // "corr": a warning about names settles in
  ['ect', 60, 900], // "correct": a word by itself
  [' horse', 60, 900],
  [' battery staple', 40, 2600], // strong: the breach check runs after the pause, and answers
  ['\b\b\b\b\b\b', 60, 900], // back to weaker
  ['tulips', 60, 2600],
];

for (const [name, opts] of [['desktop, English', {}], ['phone width, German', { width: 360, locale: 'de' }], ['phone width, Spanish', { width: 360, locale: 'es' }]]) {
  test(`typing moves nothing below the widget by more than 4 px (${name})`, async () => {
    const page = await widget(opts);
    await page.click('#pw');
    await startSampling(page);
    await typeRun(page, RUN);
    await page.locator('#pw').blur();
    await page.waitForTimeout(900);
    const { samples, texts } = await page.evaluate(() => {
      cancelAnimationFrame(window.sampling);
      return { samples: window.samples, texts: window.changes.length };
    });
    assert.ok(texts > 10, 'the run was scored');
    // from the first keystroke's answer on
    const first = samples.findIndex((s) => s.n >= 2);
    assert.ok(first > 0);
    const base = samples[first + 1] ?? samples[first];
    let worst = 0;
    for (const s of samples.slice(first + 1)) worst = Math.max(worst, Math.abs(s.below - base.below), Math.abs(s.go - base.go));
    const narrowest = Math.min(...samples.slice(first + 1).map((s) => s.bar));
    assert.ok(worst <= 4, `moved by ${worst.toFixed(1)} px`);
    assert.ok(narrowest >= base.bar - 0.5, `the bar narrowed from ${base.bar} to ${narrowest}`);
    const startBar = samples[0].bar;
    assert.ok(Math.abs(base.bar - startBar) < 0.5, `the first keystroke changed the bar from ${startBar} to ${base.bar}`);
    console.log(`# ${name}: worst shift ${worst.toFixed(1)} px over ${samples.length} frames`);
    await page.close();
  });
}

test('the feedback text settles after a pause; the verdict is instant', async () => {
  const page = await widget();
  await page.click('#pw');
  await page.keyboard.type('corr');
  await page.waitForFunction(() => window.changes.at(-1)?.password_length === 4);
  // the bar and the validity follow at once, the text waits
  const early = await page.evaluate(() => ({
    level: document.querySelector('.passmeter-level').textContent,
    warning: document.querySelector('.passmeter-warning').textContent,
    message: document.getElementById('pw').validationMessage,
  }));
  assert.match(early.level, /^(Very weak|Weak)$/);
  assert.equal(early.warning, '');
  assert.match(early.message, /Names and surnames/);
  await page.waitForFunction(() => document.querySelector('.passmeter-warning').textContent !== '', null, { timeout: 2000 });
  assert.equal(await page.textContent('.passmeter-warning'), 'Names and surnames by themselves are easy to guess');
  await page.close();
});

test('the live region speaks after a pause, with the level and the warning, and "could not check"', async () => {
  const page = await widget();
  await page.evaluate(() => {
    window.spoken = [];
    const live = document.querySelector('.passmeter-live');
    new MutationObserver(() => window.spoken.push({ t: performance.now(), text: live.textContent }))
      .observe(live, { childList: true, characterData: true, subtree: true });
    window.keys = [];
    document.getElementById('pw').addEventListener('input', () => window.keys.push(performance.now()));
  });
  await page.click('#pw');
  await typeRun(page, [['password', 50, 1200], [' tulips and', 50, 1200]]);
  hibp.state.mode = 'error';
  await typeRun(page, [[' velvet wombats', 50, 3000]]);
  hibp.state.mode = 'normal';
  const { spoken, keys } = await page.evaluate(() => ({ spoken: window.spoken, keys: window.keys }));
  // nothing spoken while keys were coming in (each announcement is more than 0.5 s after the last key before it)
  for (const s of spoken) {
    const lastKey = Math.max(...keys.filter((k) => k <= s.t));
    assert.ok(s.t - lastKey > 500, `"${s.text}" spoken ${Math.round(s.t - lastKey)} ms after a key`);
  }
  const texts = spoken.map((s) => s.text);
  assert.equal(texts[0], 'Password strength: Very weak. This is a top-10 common password');
  assert.ok(texts.length <= 4, JSON.stringify(texts));
  assert.match(texts.at(-1), /^Password strength: (Strong|Very strong)\. Could not check known data breaches right now\.$/);
  await page.close();
});

test('aria-invalid only once the user has left the field or submitted', async () => {
  const page = await widget();
  await page.click('#pw');
  await page.keyboard.type('abc');
  await page.waitForFunction(() => window.changes.at(-1)?.password_length === 3);
  assert.equal(await page.getAttribute('#pw', 'aria-invalid'), null);
  assert.equal(await page.evaluate(() => document.getElementById('pw').validity.valid), false, 'still invalid for the browser');
  await page.locator('#pw').blur();
  assert.equal(await page.getAttribute('#pw', 'aria-invalid'), 'true');
  await page.reload();
  await page.evaluate(async () => {
    const api = await passmeter.load({ hibp: { enabled: false } });
    api.attach(document.getElementById('pw'), { target: '#out' });
  });
  await page.click('#pw');
  await page.keyboard.type('abc');
  await page.waitForFunction(() => window.changes.at(-1)?.password_length === 3);
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('#pw', 'aria-invalid'), 'true');
  await page.close();
});

test('with no zxcvbn warning the message states the threshold, in each locale', async () => {
  const page = await widget();
  const out = await page.evaluate(async () => {
    const api = await passmeter.load({ hibp: { enabled: false } });
    const pw = document.getElementById('pw');
    const got = {};
    for (const locale of ['en', 'de', 'es']) {
      const c = api.attach(pw, { target: '#out', locale });
      pw.value = 'tmqzxrvd'; // bruteforce only: score 2, no warning
      await c.check();
      got[locale] = { message: pw.validationMessage, score: c.response.score, warning: c.response.feedback.warning };
    }
    return got;
  });
  assert.equal(out.en.warning, '');
  assert.equal(out.en.message, 'Use a stronger password: at least “Strong”.');
  assert.equal(out.de.message, 'Wähle ein stärkeres Passwort: mindestens „Stark“.');
  assert.equal(out.es.message, 'Usa una contraseña más segura: al menos «Fuerte».');
  await page.close();
});
