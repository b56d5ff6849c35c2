// The demo page as an accessibility reviewer checks it (issue 14, item 10):
// the show/hide button follows GOV.UK's password pattern, focus rings are
// clear (3:1), the page has a dark theme, and axe-core finds no contrast,
// serious or critical violation in light or dark, in each state of the form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp, demoReady, axeViolations } from './helpers.mjs';

const BREACHED = 'violet lantern quarry 77 mosaic';
const STRONG = 'amber tundra kettle 19 orbit';

let server, browser, hibp;

before(async () => {
  [server, browser, hibp] = await Promise.all([serveRepo(), launch(), startHibp({ breached: { [BREACHED]: 9 } })]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

async function demo({ colorScheme = 'light', query = '' } = {}) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await page.goto(`${server.url}index.html?hibp=${encodeURIComponent(hibp.endpoint)}${query}`);
  await demoReady(page);
  return page;
}

const toggleState = (page) => page.evaluate(() => {
  const b = document.getElementById('toggle');
  return {
    type: document.getElementById('password').type,
    name: b.getAttribute('aria-label'),
    text: b.textContent,
    controls: b.getAttribute('aria-controls'),
    pressed: b.getAttribute('aria-pressed'),
    status: document.getElementById('password-status').textContent,
    statusLive: document.getElementById('password-status').getAttribute('aria-live'),
    focus: document.activeElement.id,
  };
});

test('show/hide as GOV.UK does: "Show password", aria-controls, a status message, hidden again on submit and Start over', async () => {
  const page = await demo();
  let s = await toggleState(page);
  assert.deepEqual(s, { type: 'password', name: 'Show password', text: 'Show', controls: 'password', pressed: null, status: '', statusLive: 'polite', focus: '' });
  await page.fill('#password', STRONG);
  await page.focus('#toggle');
  await page.keyboard.press('Enter');
  s = await toggleState(page);
  assert.equal(s.type, 'text');
  assert.equal(s.name, 'Hide password');
  assert.equal(s.text, 'Hide');
  assert.equal(s.status, 'Your password is visible');
  assert.equal(s.focus, 'toggle', 'focus stays on the button');
  await page.keyboard.press('Enter');
  assert.equal((await toggleState(page)).status, 'Your password is hidden');

  // shown, then submitted: hidden again
  await page.click('#toggle');
  await page.fill('#name', 'Ada Lovelace');
  await page.fill('#email', 'ada@example.com');
  await page.check('#terms');
  await page.click('#submit');
  await page.waitForSelector('#welcome-card:not([hidden])', { timeout: 8000 });
  s = await toggleState(page);
  assert.equal(s.type, 'password');
  assert.equal(s.name, 'Show password');
  // shown, then Start over: hidden again, no status left over
  await page.click('#again');
  s = await toggleState(page);
  assert.equal(s.type, 'password');
  assert.equal(s.status, '');

  // in German
  await page.selectOption('#locale', 'de');
  await page.click('#toggle');
  s = await toggleState(page);
  assert.equal(s.name, 'Passwort verbergen');
  assert.equal(s.status, 'Dein Passwort ist sichtbar');
  await page.close();
});

/** Contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const colorScheme of ['light', 'dark']) {
  test(`focus rings: at least 2 px and 3:1 against what is around them (${colorScheme})`, async () => {
    const page = await demo({ colorScheme });
    const rings = {};
    for (const id of ['name', 'password', 'toggle', 'terms', 'submit', 'locale']) {
      // keyboard-like focus, so that :focus-visible applies
      await page.evaluate((id) => document.getElementById(id).focus({ focusVisible: true }), id);
      rings[id] = await page.evaluate((id) => {
        const el = document.getElementById(id);
        const cs = getComputedStyle(el);
        // what the ring sits on: the nearest ancestor with a background
        let bg = 'rgba(0, 0, 0, 0)';
        for (let e = el.parentElement; e && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        if (/rgba\(0, 0, 0, 0\)/.test(bg)) bg = getComputedStyle(document.documentElement).backgroundColor;
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, around: bg, visible: el.matches(':focus-visible') };
      }, id);
    }
    for (const [id, r] of Object.entries(rings)) {
      assert.equal(r.visible, true, `${id} matches :focus-visible`);
      assert.equal(r.style, 'solid', `${id}: ${JSON.stringify(r)}`);
      assert.ok(r.width >= 2, `${id}: ${r.width}px`);
      const c = contrast(r.color, r.around);
      assert.ok(c >= 3, `${id}: ring ${r.color} on ${r.around} is ${c.toFixed(2)}:1`);
    }
    await page.close();
  });
}

test('a dark theme for dark-mode visitors', async () => {
  const light = await demo();
  const dark = await demo({ colorScheme: 'dark' });
  const look = (p) => p.evaluate(() => ({
    scheme: getComputedStyle(document.documentElement).colorScheme,
    bg: getComputedStyle(document.documentElement).backgroundColor,
    input: getComputedStyle(document.getElementById('password')).backgroundColor,
    ink: getComputedStyle(document.querySelector('.card h1')).color,
  }));
  const [l, d] = [await look(light), await look(dark)];
  assert.equal(l.scheme, 'light dark');
  assert.equal(l.bg, 'rgb(249, 250, 251)');
  assert.equal(d.bg, 'rgb(12, 17, 29)');
  assert.equal(d.input, 'rgb(22, 27, 38)');
  assert.ok(contrast(d.ink, d.bg) >= 7, `heading ${d.ink} on ${d.bg}`);
  await Promise.all([light.close(), dark.close()]);
});


for (const colorScheme of ['light', 'dark']) {
  test(`axe-core on the demo in each state of the form (${colorScheme})`, async () => {
    const report = {};
    const steps = [
      ['empty', async () => {}],
      ['weak', async (p) => {
        await p.fill('#password', 'password1');
        await p.locator('#password').blur();
        await p.waitForSelector('#password-feedback .passmeter[data-state="invalid"]');
      }],
      ['fair', async (p) => {
        await p.fill('#password', 'tmqzxrvd');
        await p.locator('#password').blur();
        await p.waitForSelector('#password-feedback .passmeter[data-score="2"]');
      }],
      ['not found', async (p) => {
        await p.fill('#password', STRONG);
        await p.locator('#password').blur();
        await p.waitForSelector('#password-feedback .passmeter[data-breach="ok"]');
      }],
      ['breached', async (p) => {
        await p.fill('#password', BREACHED);
        await p.locator('#password').blur();
        await p.waitForSelector('#password-feedback .passmeter[data-state="breached"]');
      }],
      ['shown', async (p) => {
        await p.click('#toggle');
      }],
      ['welcome', async (p) => {
        await p.fill('#password', STRONG);
        await p.fill('#name', 'Ada Lovelace');
        await p.fill('#email', 'ada@example.com');
        await p.check('#terms');
        await p.click('#submit');
        await p.waitForSelector('#welcome-card:not([hidden])', { timeout: 8000 });
        await p.waitForFunction(() => document.getElementById('security-score').textContent !== '–');
      }],
    ];
    const page = await demo({ colorScheme });
    for (const [name, step] of steps) {
      await step(page);
      const bad = await axeViolations(page);
      if (bad.length) report[name] = bad;
    }
    await page.close();
    assert.deepEqual(report, {}, JSON.stringify(report, null, 2));
  });
}
