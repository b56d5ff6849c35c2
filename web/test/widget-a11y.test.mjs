// The widget's accessibility (issue 14, items 6 and 7): axe-core in every
// state, light and dark, with no contrast, serious or critical violation;
// the bar in forced colours; five levels that differ without colour;
// breached as its own state, "checking" only while a check runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveRepo, launch, startHibp, axeViolations } from './helpers.mjs';

const BREACHED = 'violet lantern quarry 77 mosaic';

let server, browser, hibp;

before(async () => {
  [server, browser, hibp] = await Promise.all([
    serveRepo({
      handle(req, res) {
        if (req.url.startsWith('/hang/')) return new Promise(() => {}); // an engine that never arrives
        return false;
      },
    }),
    launch(),
    startHibp({ breached: { [BREACHED]: 77 } }),
  ]);
});
after(async () => {
  await Promise.all([browser?.close(), server?.close(), hibp?.close()]);
});

/**
 * Each state: how to reach it on the fixture, and what shows it is there.
 * Run in a fresh page each, so that one state's leftovers do not count.
 */
const STATES = {
  empty: { password: '', wait: '.passmeter[data-state="empty"]' },
  veryWeak: { password: 'password', wait: '.passmeter[data-state="invalid"][data-score="0"]' },
  weak: { password: 'P@ssw0rd2024', wait: '.passmeter[data-state="invalid"][data-score="1"]' },
  fair: { password: 'tmqzxrvd', wait: '.passmeter[data-state="invalid"][data-score="2"]' },
  strong: { password: 'amber tundra', wait: '.passmeter[data-state="valid"][data-score="3"]', breach: false },
  veryStrong: { password: 'amber tundra kettle', wait: '.passmeter[data-state="valid"][data-score="4"]', breach: false },
  checking: { password: 'quartz velvet 9', mode: 'hang', wait: '.passmeter[data-breach="checking"]' },
  notFound: { password: 'amber tundra kettle', wait: '.passmeter[data-breach="ok"]' },
  breached: { password: BREACHED, wait: '.passmeter[data-state="breached"]' },
  unavailable: { password: 'quartz velvet 9', mode: 'error', wait: '.passmeter[data-breach="unavailable"]' },
  tooLong: { password: 'x'.repeat(16385), wait: '.passmeter[data-state="toolong"]' },
  loading: { password: 'abc', early: { wasmURL: '/hang/passmeter.wasm' }, wait: '.passmeter[data-state="loading"]' },
  failed: { password: 'abc', early: { wasmURL: '/missing/passmeter.wasm' }, wait: '.passmeter[data-fallback][data-state="invalid"]' },
};

async function reach(name, colorScheme) {
  const s = STATES[name];
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
  await page.goto(`${server.url}web/test/fixtures/widget.html`);
  hibp.state.mode = s.mode || 'normal';
  await page.evaluate(async ({ endpoint, s }) => {
    const pw = document.getElementById('pw');
    const hibpOptions = { endpoint, timeoutMs: s.mode === 'hang' ? 60000 : 3000, enabled: s.breach !== false };
    if (s.early) {
      window.controller = passmeter.attach(pw, { target: '#out', load: { ...s.early, hibp: hibpOptions } });
    } else {
      const api = await passmeter.load({ hibp: hibpOptions });
      window.controller = api.attach(pw, { target: '#out' });
    }
  }, { endpoint: hibp.endpoint, s });
  if (s.password) await page.fill('#pw', s.password);
  await page.locator('#pw').blur(); // the text shows at once, aria-invalid too
  await page.waitForSelector(s.wait, { timeout: 8000 });
  return page;
}


for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: no contrast, serious or critical violation in any state (${colorScheme})`, async () => {
    const report = {};
    for (const name of Object.keys(STATES)) {
      const page = await reach(name, colorScheme);
      const bad = await axeViolations(page);
      if (bad.length) report[name] = bad;
      // the widget really is in the scheme asked for
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
      await page.close();
    }
    hibp.state.mode = 'normal';
    assert.deepEqual(report, {}, JSON.stringify(report, null, 2));
  });
}

test('breached is its own state: not a green bar; "checking" only while a check runs', async () => {
  const page = await reach('breached', 'light');
  const s = await page.evaluate(() => {
    const root = document.querySelector('.passmeter');
    const seg = getComputedStyle(root.querySelector('.passmeter-segment'));
    return {
      level: root.querySelector('.passmeter-level').textContent,
      levelColor: getComputedStyle(root.querySelector('.passmeter-level')).color,
      image: seg.backgroundImage,
      valuetext: root.querySelector('[role=meter]').getAttribute('aria-valuetext'),
    };
  });
  assert.equal(s.level, 'Breached');
  assert.equal(s.levelColor, 'rgb(180, 35, 24)', 'the danger colour, not green');
  assert.match(s.image, /repeating-linear-gradient/, 'striped: breached without colour too');
  assert.match(s.valuetext, /appeared in a data breach/);
  await page.close();

  // while typing, with a check due but not running: no "checking"
  const typing = await browser.context.newPage();
  await typing.goto(`${server.url}web/test/fixtures/widget.html`);
  await typing.evaluate(async (endpoint) => {
    const api = await passmeter.load({ hibp: { endpoint } });
    api.attach(document.getElementById('pw'), { target: '#out', breachDelayMs: 5000 });
  }, hibp.endpoint);
  await typing.click('#pw');
  await typing.keyboard.type('amber tundra kettle');
  await typing.waitForSelector('.passmeter[data-state="valid"]');
  await typing.waitForTimeout(900);
  const note = await typing.evaluate(() => ({
    hidden: document.querySelector('.passmeter-breach').hidden,
    breach: document.querySelector('.passmeter').dataset.breach,
  }));
  assert.deepEqual(note, { hidden: true, breach: '' });
  await typing.close();
});

test('five levels differ without colour: one to five segments filled', async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no colour half-way through a transition
  await page.goto(`${server.url}web/test/fixtures/widget.html`);
  const filled = await page.evaluate(async () => {
    const api = await passmeter.load({ hibp: { enabled: false } });
    const pw = document.getElementById('pw');
    const c = api.attach(pw, { target: '#out' });
    const out = [];
    for (const p of ['password', 'P@ssw0rd2024', 'tmqzxrvd', 'amber tundra', 'amber tundra kettle']) {
      pw.value = p;
      await c.check();
      const segs = [...document.querySelectorAll('.passmeter-segment')];
      const track = getComputedStyle(segs.at(-1)).backgroundColor;
      out.push({ score: c.response.score, filled: segs.filter((s) => getComputedStyle(s).backgroundColor !== track).length || segs.length });
    }
    return out;
  });
  assert.deepEqual(filled, [0, 1, 2, 3, 4].map((score) => ({ score, filled: score + 1 })));
  await page.close();
});

test('forced colours: the bar stays, in system colours', async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto(`${server.url}web/test/fixtures/widget.html`);
  const seen = await page.evaluate(async () => {
    const api = await passmeter.load({ hibp: { enabled: false } });
    const pw = document.getElementById('pw');
    const c = api.attach(pw, { target: '#out' });
    pw.value = 'tmqzxrvd'; // score 2: three of five filled
    await c.check();
    const probe = (color) => {
      const d = document.createElement('div');
      d.style.color = color;
      document.body.append(d);
      const v = getComputedStyle(d).color;
      d.remove();
      return v;
    };
    return {
      forced: matchMedia('(forced-colors: active)').matches,
      segments: [...document.querySelectorAll('.passmeter-segment')].map((s) => {
        const cs = getComputedStyle(s);
        return { bg: cs.backgroundColor, border: cs.borderTopWidth, borderColor: cs.borderTopColor, height: s.getBoundingClientRect().height };
      }),
      highlight: probe('Highlight'),
      canvas: probe('Canvas'),
      canvasText: probe('CanvasText'),
    };
  });
  assert.equal(seen.forced, true);
  const [a, b, c, d, e] = seen.segments;
  for (const s of [a, b, c]) assert.equal(s.bg, seen.highlight, 'filled: Highlight');
  for (const s of [d, e]) {
    assert.equal(s.bg, seen.canvas, 'empty: Canvas');
    assert.equal(s.borderColor, seen.canvasText, 'outlined in CanvasText');
  }
  assert.notEqual(seen.highlight, seen.canvas);
  for (const s of seen.segments) {
    assert.equal(s.border, '1px');
    assert.ok(s.height >= 6, `segment height ${s.height}`);
  }
  await page.close();
});
