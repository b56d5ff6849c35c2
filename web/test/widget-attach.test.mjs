// Where the widget attaches (issue 14, item 9): inputs in open shadow
// roots, attach() into a shadow root with its styles, data-passmeter given
// after load (and changed, and turned off), and a confirm field paired
// with its password field: one meter, one breach request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp, openFixture } from './helpers.mjs';

const STRONG = 'amber tundra kettle 19 orbit';

let server, browser, hibp;

before(async () => {
  [server, browser, hibp] = await Promise.all([serveRepo(), launch(), startHibp()]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

const open = (name) => openFixture(browser, server, name);

/** What passmeter.css does to the parts, as computed where they are. */
const styledIn = (page, hostSel) => page.evaluate((hostSel) => {
  const root = document.querySelector(hostSel).shadowRoot;
  const seg = root.querySelector('.passmeter-segment');
  const live = root.querySelector('.passmeter-live');
  return {
    segmentHeight: seg.getBoundingClientRect().height,
    segments: root.querySelectorAll('.passmeter-segment').length,
    liveBox: [live.getBoundingClientRect().width, live.getBoundingClientRect().height],
    levelWeight: getComputedStyle(root.querySelector('.passmeter-level')).fontWeight,
    adopted: root.adoptedStyleSheets.length,
  };
}, hostSel);

test('auto-attach finds data-passmeter inputs in open shadow roots, with styles', async () => {
  const { page, log } = await open('widget-auto.html');
  await page.waitForSelector('#pw + .passmeter');
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'host';
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<form id="sform"><label for="spw">Password</label><input id="spw" type="password" data-passmeter><button>Go</button></form>';
    document.getElementById('more').append(host);
  });
  await page.waitForSelector('#host >> .passmeter');
  await page.fill('#spw', 'password');
  await page.waitForSelector('#host >> .passmeter[data-state="invalid"]');
  const s = await styledIn(page, '#host');
  assert.equal(s.segments, 5);
  assert.equal(s.segmentHeight, 6, 'passmeter.css applies inside the root');
  assert.deepEqual(s.liveBox, [1, 1], 'the live region stays hidden');
  assert.equal(s.levelWeight, '600');
  assert.equal(s.adopted, 1, 'one adopted sheet, copied from the document');
  // inputs added to the root later are found too
  await page.evaluate(() => {
    const root = document.getElementById('host').shadowRoot;
    const i = document.createElement('input');
    i.type = 'password';
    i.id = 'spw2';
    i.dataset.passmeter = '';
    root.getElementById('sform').append(i);
  });
  await page.waitForSelector('#host >> #spw2 + .passmeter');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('attach() into a shadow root brings its styles; the live region never shows', async () => {
  const { page } = await open('widget.html');
  await page.evaluate(async () => {
    const host = document.createElement('div');
    host.id = 'host';
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="spw">Password</label><input id="spw" type="password"><div id="sout"></div>';
    document.getElementById('more').append(host);
    const api = await passmeter.load({ hibp: { enabled: false } });
    window.controller = api.attach(root.getElementById('spw'), { target: '#sout' }); // the selector is looked up in the root
  });
  await page.fill('#spw', 'correct horse');
  await page.waitForFunction(() => window.controller.response?.score >= 0 && document.querySelector('#host').shadowRoot.querySelector('.passmeter').dataset.state !== 'empty');
  const s = await styledIn(page, '#host');
  assert.equal(s.segmentHeight, 6);
  assert.deepEqual(s.liveBox, [1, 1]);
  assert.equal(s.adopted, 1);
  const inTarget = await page.evaluate(() => !!document.querySelector('#host').shadowRoot.querySelector('#sout > .passmeter'));
  assert.equal(inTarget, true);
  await page.close();
});

test('data-passmeter given after load attaches; changed options attach again; "off" detaches', async () => {
  const { page } = await open('widget-auto.html');
  await page.waitForSelector('#pw + .passmeter');
  await page.evaluate(() => {
    const i = document.createElement('input');
    i.type = 'password';
    i.id = 'late';
    document.getElementById('more').append(i);
  });
  await page.waitForTimeout(100);
  assert.equal(await page.locator('#late + .passmeter').count(), 0);
  await page.evaluate(() => document.getElementById('late').setAttribute('data-passmeter', ''));
  await page.waitForSelector('#late + .passmeter');
  await page.fill('#late', 'password');
  await page.waitForSelector('#late + .passmeter[data-state="invalid"]');
  assert.equal(await page.textContent('#late + .passmeter .passmeter-level'), 'Very weak');
  await page.evaluate(() => { document.getElementById('late').dataset.passmeterLocale = 'de'; });
  await page.waitForFunction(() => document.querySelector('#late + .passmeter .passmeter-level')?.textContent === 'Sehr schwach');
  await page.evaluate(() => { document.getElementById('late').dataset.passmeter = 'off'; });
  await page.waitForFunction(() => !document.querySelector('#late + .passmeter'));
  assert.equal(await page.evaluate(() => document.getElementById('late').validity.valid), true, 'detached: no validity left behind');
  await page.close();
});

test('a confirm field is paired with its password field: one meter, one breach request', async () => {
  const { page, log } = await open('widget.html');
  await page.evaluate(async (endpoint) => {
    document.getElementById('more').innerHTML = `<form id="f2">
      <label for="np">New password</label><input id="np" type="password" data-passmeter>
      <label for="np2">Confirm password</label><input id="np2" type="password" data-passmeter data-passmeter-confirm="#np">
      <button id="go2">Save</button></form>`;
    await passmeter.load({ hibp: { endpoint } }); // auto-attach is on by default
  }, hibp.endpoint);
  await page.waitForSelector('#np + .passmeter');
  assert.equal(await page.locator('#f2 .passmeter').count(), 1, 'one meter');
  await page.fill('#np', STRONG);
  await page.locator('#np').blur();
  await page.waitForSelector('#f2 .passmeter[data-breach="ok"]');
  await page.fill('#np2', `${STRONG}!`);
  await page.locator('#np2').blur();
  const mismatch = await page.evaluate(() => {
    const c = document.getElementById('np2');
    const note = document.getElementById(c.getAttribute('aria-describedby'));
    return { valid: c.validity.valid, message: c.validationMessage, note: note.textContent, live: note.getAttribute('aria-live'), invalid: c.getAttribute('aria-invalid') };
  });
  assert.deepEqual(mismatch, { valid: false, message: 'The passwords do not match.', note: 'The passwords do not match.', live: 'polite', invalid: 'true' });
  await page.fill('#np2', STRONG);
  await page.locator('#np2').blur();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.getElementById('np2').validity.valid), true);
  assert.equal(log.requests.filter((r) => r.url.startsWith(hibp.endpoint)).length, 1, 'one breach request');
  await page.close();
});
