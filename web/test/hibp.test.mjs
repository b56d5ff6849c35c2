// The HIBP range check under Node: hashing, parsing, the outcomes against
// a local stand-in, the per-prefix cache and the time-out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sha1Hex, parseRange, createBreachChecker, applyBreach, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS } from '../src/hibp.js';
import { BREACH_OUTCOMES, MAX_RANGE_BODY } from '../src/breach.js';
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

test('applyBreach applies the effects generated from core\'s ApplyBreach, and nothing else', () => {
  const r = { valid_password: false, breached_password: false, breach_check: 'skipped', breach_detection_on_create: false, score: 1 };
  for (const [o, fx] of Object.entries(BREACH_OUTCOMES)) assert.deepEqual(applyBreach(r, o), { ...r, ...fx });
  assert.deepEqual(Object.keys(BREACH_OUTCOMES), ['ok', 'breached', 'unavailable', 'skipped']);
  for (const bad of ['due', 'toString', '__proto__', undefined]) assert.throws(() => applyBreach(r, bad), TypeError);
});

test('the HIBP defaults are core/hibp\'s', () => {
  assert.equal(DEFAULT_ENDPOINT, 'https://api.pwnedpasswords.com/range');
  assert.equal(DEFAULT_TIMEOUT_MS, 3000);
  assert.equal(MAX_RANGE_BODY, 2 << 20);
});

// The body's limit counts bytes, as core/hibp does, and is enforced as the
// body streams in: an endless body is cut off, not read to the end.
test('the range body limit is in bytes, while streaming', async (t) => {
  const prefixLine = (n) => `${'0'.repeat(35)}:${n}\r\n`; // 39 bytes a line
  const streamOf = (chunks, signal) => {
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream({
      pull(c) {
        if (signal.aborted || cancelled) return c.error(new Error('aborted'));
        if (chunks === Infinity || sent < chunks.length) {
          c.enqueue(chunks === Infinity ? new TextEncoder().encode(prefixLine(0).repeat(1000)) : chunks[sent]);
          sent++;
        } else c.close();
      },
      cancel() { cancelled = true; },
    });
    return { body, sent: () => sent };
  };
  await t.test('an endless body: unavailable, and the request aborted', async () => {
    let stream;
    let aborted = false;
    const check = createBreachChecker({
      endpoint: 'http://hibp.test/range',
      fetch: async (_url, init) => {
        init.signal.addEventListener('abort', () => { aborted = true; });
        stream = streamOf(Infinity, init.signal);
        return new Response(stream.body, { status: 200 });
      },
    });
    assert.deepEqual(await check('hunter2'), { outcome: 'unavailable', count: 0 });
    assert.ok(aborted, 'the request was not aborted');
    assert.ok(stream.sent() * 39000 <= MAX_RANGE_BODY + 4 * 39000, `read ${stream.sent() * 39000} bytes`);
  });
  const sized = async (text) => createBreachChecker({
    endpoint: 'http://hibp.test/range',
    fetch: async (_url, init) => new Response(streamOf([new TextEncoder().encode(text)], init.signal).body, { status: 200 }),
  })('hunter2');
  await t.test('exactly the limit in bytes is read; a byte more is not', async () => {
    const suffix = sha1('hunter2').slice(5);
    // 39-byte lines, some with a count of "00": 2,097,152 bytes in all
    const lines = Math.floor(MAX_RANGE_BODY / 39);
    const extra = MAX_RANGE_BODY - lines * 39;
    let body = `${suffix}:3\r\n`;
    for (let i = 1; i < lines; i++) body += `${'0'.repeat(35)}:${i <= extra ? '00' : '0'}\r\n`;
    assert.equal(new TextEncoder().encode(body).length, MAX_RANGE_BODY);
    assert.deepEqual(await sized(body), { outcome: 'breached', count: 3 });
    assert.deepEqual(await sized(body + '0'), { outcome: 'unavailable', count: 0 });
  });
});
