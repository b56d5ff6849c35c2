// The HIBP range check under Node: hashing, parsing, the outcomes against
// a local stand-in, the per-prefix cache and the time-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha1Hex, parseRange, createBreachChecker, applyBreach } from '../src/hibp.js';
import { startHibp, sha1 } from './helpers.mjs';

test('sha1Hex is the uppercase SHA-1 of the UTF-8 bytes', async () => {
  assert.equal(await sha1Hex('password'), '5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
  for (const s of ['', 'pässwörd', '密码', '😀 emoji', 'a'.repeat(5000)]) assert.equal(await sha1Hex(s), sha1(s));
});

test('parseRange reads SUFFIX:COUNT lines and drops padding', () => {
  const body = '0018A45C4D1DEF81644B54AB7F969B88D65:10\r\n00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n011053FD0102E94D6AE2F8B83D76FAF94F6:1';
  const m = parseRange(body);
  assert.deepEqual([...m], [['0018A45C4D1DEF81644B54AB7F969B88D65', 10], ['011053FD0102E94D6AE2F8B83D76FAF94F6', 1]]);
  assert.equal(parseRange(body + '\r\n').size, 2);
  assert.equal(parseRange('').size, 0);
  assert.equal(parseRange('0018a45c4d1def81644b54ab7f969b88d65:3\n').get('0018A45C4D1DEF81644B54AB7F969B88D65'), 3);
});

test('parseRange refuses what is not a range response', () => {
  for (const bad of ['<html>', 'ABC:1', '0018A45C4D1DEF81644B54AB7F969B88D65', '0018A45C4D1DEF81644B54AB7F969B88D65:-1',
    '0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n\r\n011053FD0102E94D6AE2F8B83D76FAF94F6:1', '0018A45C4D1DEF81644B54AB7F969B88D65:1x']) {
    assert.throws(() => parseRange(bad), SyntaxError, bad);
  }
});

test('applyBreach invalidates only on a seen breach', () => {
  const r = { valid_password: true, breached_password: false, breach_check: 'skipped', breach_detection_on_create: false };
  assert.deepEqual(applyBreach(r, 'breached'), { valid_password: false, breached_password: true, breach_check: 'breached', breach_detection_on_create: true });
  for (const o of ['ok', 'unavailable']) {
    assert.deepEqual(applyBreach(r, o), { valid_password: true, breached_password: false, breach_check: o, breach_detection_on_create: true });
  }
});

test('createBreachChecker against a stand-in', async (t) => {
  const hibp = await startHibp({ breached: { hunter2: 17 } });
  t.after(() => hibp.close());

  await t.test('breached, with the count', async () => {
    const check = createBreachChecker({ endpoint: hibp.endpoint });
    assert.deepEqual(await check('hunter2'), { outcome: 'breached', count: 17 });
    const last = hibp.requests.at(-1);
    assert.equal(last.url, `/range/${sha1('hunter2').slice(0, 5)}`);
    assert.equal(last.padding, 'true');
  });

  await t.test('clean, even when its suffix is a padding line', async () => {
    hibp.state.paddingFor = ['not in any breach'];
    const check = createBreachChecker({ endpoint: hibp.endpoint + '/' });
    assert.deepEqual(await check('not in any breach'), { outcome: 'ok', count: 0 });
    hibp.state.paddingFor = [];
  });

  await t.test('answers are cached per prefix', async () => {
    const check = createBreachChecker({ endpoint: hibp.endpoint });
    const n = hibp.requests.length;
    await check('hunter2');
    await check('hunter2');
    await Promise.all([check('x1'), check('x1')]);
    assert.equal(hibp.requests.length, n + 2);
  });

  for (const [mode, why] of [['error', 'HTTP 500'], ['garbage', 'a malformed body']]) {
    await t.test(`unavailable on ${why}, and not cached`, async () => {
      const check = createBreachChecker({ endpoint: hibp.endpoint });
      hibp.state.mode = mode;
      assert.deepEqual(await check('hunter2'), { outcome: 'unavailable', count: 0 });
      hibp.state.mode = 'normal';
      assert.deepEqual(await check('hunter2'), { outcome: 'breached', count: 17 });
    });
  }

  await t.test('unavailable on a time-out', async () => {
    const check = createBreachChecker({ endpoint: hibp.endpoint, timeoutMs: 200 });
    hibp.state.mode = 'hang';
    const t0 = Date.now();
    assert.deepEqual(await check('hunter2'), { outcome: 'unavailable', count: 0 });
    assert.ok(Date.now() - t0 < 2000);
    hibp.state.mode = 'normal';
  });

  await t.test('unavailable when nothing listens', async () => {
    const check = createBreachChecker({ endpoint: 'http://127.0.0.1:9/range' });
    assert.deepEqual(await check('hunter2'), { outcome: 'unavailable', count: 0 });
  });
});
