// The warm-up after start: its budget, its slices, its passwords, and that
// the built package runs it on this thread under Node when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { warmUp, WARM_UP_PASSWORDS } from '../src/warmup.js';

function fakeClock(msPerCall) {
  let t = 0;
  return { now: () => t, tick: () => { t += msPerCall; } };
}

test('warm-up stops at its budget, in slices, with made-up passwords only', async () => {
  const clock = fakeClock(1);
  const seen = [];
  let slices = 0;
  const later = (slice) => { slices++; queueMicrotask(slice); };
  const calls = await warmUp((req) => { seen.push(req.password); clock.tick(); }, later,
    { budgetMs: 50, sliceMs: 8, now: clock.now });
  assert.equal(calls, 50);
  assert.equal(seen.length, 50);
  assert.equal(slices, 7, 'six slices of 8 ms and one of 2 ms');
  for (const p of seen) {
    assert.ok(WARM_UP_PASSWORDS.some((w) => p === w || (p.startsWith(w) && /^\d+$/.test(p.slice(w.length)))), p);
  }
  assert.deepEqual(seen.slice(0, WARM_UP_PASSWORDS.length), WARM_UP_PASSWORDS);
});

test('the warm-up waits while real calls come in', async () => {
  let busy = 3; // the first three turns find the thread busy
  let calls = 0;
  let turns = 0;
  const n = await warmUp(() => { calls++; }, (s) => { turns++; queueMicrotask(s); },
    { budgetMs: 5, sliceMs: 100, now: (() => { let t = 0; return () => (t += 1); })(), busy: () => busy-- > 0 });
  assert.ok(n > 0);
  assert.equal(calls, n);
  assert.ok(turns >= 4, 'three waiting turns, then work');
});

test('a failing call ends the warm-up quietly', async () => {
  let n = 0;
  const calls = await warmUp(() => { n++; if (n === 3) throw new Error('boom'); }, (s) => queueMicrotask(s),
    { budgetMs: 1000, sliceMs: 1000, now: () => 0 });
  assert.equal(calls, 2);
  assert.equal(n, 3);
});

test('load({warmUp: true}) warms the module up on this thread; warmUp: false does not', () => {
  const dist = new URL('../dist/passmeter.mjs', import.meta.url).href;
  const script = (warm) => `
    const pm = await import(${JSON.stringify(dist)});
    await pm.load({ warmUp: ${warm} });
    // Every call, through the exports or the globals, starts with
    // JSON.stringify of the request.
    let n = 0;
    const real = JSON.stringify;
    JSON.stringify = (v, ...rest) => { if (v && typeof v.password === 'string') n++; return real(v, ...rest); };
    await new Promise((r) => setTimeout(r, 1500));
    console.log(n);`;
  const run = (warm) => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script(warm)],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }).trim());
  assert.ok(run(true) >= 10, 'warm-up calls in 1.5 s');
  assert.equal(run(false), 0);
});
