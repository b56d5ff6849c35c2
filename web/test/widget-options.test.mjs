// attach()'s options in Chromium (issue 16, issue 17): one table refuses
// unknown keys naming the nearest known one (messages' old flat shape says
// where a feedback text belongs now), and the nist policy renders its
// requirements as LUDS does, from options or data-passmeter-* attributes,
// in English, German and Spanish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, openFixture } from './helpers.mjs';

let server, browser;

before(async () => {
  [server, browser] = await Promise.all([serveRepo(), launch()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const open = (name) => openFixture(browser, server, name);

/** The widget's texts and the input's validity once the state is in. */
const shown = (page, sel) => page.evaluate((sel) => {
  const input = document.querySelector(sel);
  const root = document.querySelector(`${sel} + .passmeter`) || document.querySelector('#out .passmeter');
  return {
    state: root.dataset.state,
    tips: [...root.querySelectorAll('.passmeter-suggestions li')].map((li) => li.textContent),
    warning: root.querySelector('.passmeter-warning').textContent,
    valid: input.validity.valid,
    message: input.validationMessage,
  };
}, sel);

test('attach() refuses unknown options, old flat messages and unknown luds keys with TypeErrors naming the nearest key', async () => {
  const { page } = await open('widget.html');
  const caught = await page.evaluate(async () => {
    const api = await passmeter.load({ autoAttach: false });
    const input = document.getElementById('pw');
    const cases = [
      { wasmUrl: 'x' },
      { polcy: 'luds' },
      { policy: 'nist2' },
      { messages: { topTen: 'Too common' } },
      { messages: { sequences: 'No sequences' } },
      { messages: { levl0: 'Awful' } },
      { messages: { warnings: { topTenn: 'x' } } },
      { messages: { suggestions: { useWord: 'x' } } },
      { messages: { level0: 5 } },
      { luds: { minLenght: 9 } },
      { multiFactor: 'yes' },
      { settleMs: -1 },
    ];
    const out = [];
    for (const options of cases) {
      try {
        api.attach(input, options);
        out.push('attached');
      } catch (err) {
        out.push(`${err.name}: ${err.message}`);
      }
    }
    // passmeter.attach (before load) reads the same table
    try {
      passmeter.attach(document.getElementById('email'), { breachDelay: 5 });
    } catch (err) {
      out.push(`${err.name}: ${err.message}`);
    }
    // the new shape is taken
    const c = api.attach(input, { messages: { level0: 'Awful', warnings: { topTen: 'Too common' }, suggestions: { useWords: 'Words' } } });
    out.push(c.element.className);
    c.detach();
    return out;
  });
  assert.deepEqual(caught, [
    'TypeError: passmeter.attach: unknown option "wasmUrl"',
    'TypeError: passmeter.attach: unknown option "polcy"; did you mean "policy"?',
    'TypeError: passmeter.attach: policy: must be "zxcvbn", "luds" or "nist", got nist2',
    'TypeError: passmeter.attach: unknown option "messages.topTen"; a feedback text goes under warnings or suggestions: messages.warnings.topTen',
    'TypeError: passmeter.attach: unknown option "messages.sequences"; a feedback text goes under warnings or suggestions: messages.warnings.sequences or messages.suggestions.sequences',
    'TypeError: passmeter.attach: unknown option "messages.levl0"; did you mean "messages.level0"?',
    'TypeError: passmeter.attach: unknown option "messages.warnings.topTenn"; did you mean "messages.warnings.topTen"?',
    'TypeError: passmeter.attach: unknown option "messages.suggestions.useWord"; did you mean "messages.suggestions.useWords"?',
    'TypeError: passmeter.attach: messages.level0: must be a string',
    'TypeError: passmeter.attach: unknown option "luds.minLenght"; did you mean "luds.minLength"?',
    'TypeError: passmeter.attach: multiFactor: must be a boolean',
    'TypeError: passmeter.attach: settleMs: must be a number of milliseconds',
    'TypeError: passmeter.attach: unknown option "breachDelay"; did you mean "breachDelayMs"?',
    'passmeter',
  ]);
  await page.close();
});

test('policy nist: the length and the blocklist as the widget says LUDS requirements; multiFactor allows 8', async () => {
  const { page, log } = await open('widget.html');
  await page.evaluate(async () => {
    const api = await passmeter.load({ autoAttach: false });
    window.controller = api.attach(document.getElementById('pw'), {
      policy: 'nist', target: '#out', settleMs: 0, breach: false, locale: 'en', userInputs: ['alicesmith1990'],
    });
  });
  const expect = async (password, want) => {
    await page.fill('#pw', password);
    await page.evaluate(() => controller.check());
    assert.deepEqual(await shown(page, '#pw'), want, password);
  };
  await expect('password', {
    state: 'invalid', tips: ['Use at least 15 characters (7 more).', 'This password is too common.'], warning: '', valid: false,
    message: 'Use at least 15 characters (7 more). This password is too common.',
  });
  await expect('amber tundra', { state: 'invalid', tips: ['Use at least 15 characters (3 more).'], warning: '', valid: false, message: 'Use at least 15 characters (3 more).' });
  await expect('aaaaaaaaaaaaaaaaaa', {
    state: 'invalid', tips: ['Avoid passwords made only of repeats, sequences or keyboard patterns.'], warning: '', valid: false,
    message: 'Avoid passwords made only of repeats, sequences or keyboard patterns.',
  });
  await expect('amber tundra kettle', { state: 'valid', tips: [], warning: '', valid: true, message: '' });
  const res = await page.evaluate(() => controller.response);
  assert.equal(res.strength_policy, 'nist');
  assert.deepEqual(res.feedback.nist_requirements, { min_length: 15, missing_characters: 0, blocklisted: false, blocklist_reason: '' });

  // multiFactor: 8 characters suffice; the user's own words are refused
  await page.evaluate(async () => {
    const api = await passmeter.load({ autoAttach: false });
    window.controller = api.attach(document.getElementById('pw'), {
      policy: 'nist', multiFactor: true, target: '#out', settleMs: 0, breach: false, locale: 'es', userInputs: ['alicesmith1990'],
    });
  });
  await expect('amber tundra', { state: 'valid', tips: [], warning: '', valid: true, message: '' });
  await expect('alicesmith1990', {
    state: 'invalid', tips: ['No uses tu nombre, tu correo electrónico ni otros datos de esta cuenta.'], warning: '', valid: false,
    message: 'No uses tu nombre, tu correo electrónico ni otros datos de esta cuenta.',
  });
  await expect('abc', { state: 'invalid', tips: ['Usa al menos 8 caracteres (faltan 5).', 'Evita contraseñas formadas solo por repeticiones, secuencias o patrones del teclado.'], warning: '', valid: false,
    message: 'Usa al menos 8 caracteres (faltan 5). Evita contraseñas formadas solo por repeticiones, secuencias o patrones del teclado.' });
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('data-passmeter-policy="nist" and data-passmeter-multi-factor; a changed attribute attaches again', async () => {
  const { page, log } = await open('widget-auto.html');
  await page.waitForSelector('#pw + .passmeter');
  await page.evaluate(() => {
    document.getElementById('more').innerHTML = `<form id="f3"><label for="np">New password</label>
      <input id="np" type="password" data-passmeter data-passmeter-policy="nist" data-passmeter-multi-factor
        data-passmeter-locale="de" data-passmeter-breach="off"></form>`;
  });
  await page.waitForSelector('#np + .passmeter');
  await page.fill('#np', 'amber tundra');
  await page.waitForSelector('#np + .passmeter[data-state="valid"]');
  await page.evaluate(() => { document.getElementById('np').dataset.passmeterMultiFactor = 'false'; });
  await page.waitForFunction(() => document.querySelector('#np + .passmeter')?.dataset.state === 'invalid');
  await page.waitForFunction(() => document.querySelector('#np + .passmeter li')?.textContent === 'Verwende mindestens 15 Zeichen (noch 3).');
  assert.equal(await page.evaluate(() => document.getElementById('np').validationMessage), 'Verwende mindestens 15 Zeichen (noch 3).');
  assert.deepEqual(log.errors, []);
  await page.close();
});
