// The option tables' reader (web/src/options.js) under Node: unknown keys
// refused naming the nearest known one, attribute values parsed, defaults
// and checks in table order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nearest, readTable, unknownOption, attributesOf, fromAttribute } from '../src/options.js';

test('nearest: the closest known key, ignoring case, or none when none is close', () => {
  assert.equal(nearest('wasmUrl', ['wasmURL', 'workerURL']), 'wasmURL');
  assert.equal(nearest('polcy', ['policy', 'luds']), 'policy');
  assert.equal(nearest('somethingElse', ['policy', 'luds']), '');
});

test('unknownOption: the message names the key with its path and the nearest', () => {
  assert.equal(unknownOption('attach', '', 'wasmUrl', ['wasmURL']).message, 'passmeter.attach: unknown option "wasmUrl"; did you mean "wasmURL"?');
  assert.equal(unknownOption('load', 'hibp.', 'endpiont', ['endpoint']).message, 'passmeter.load: unknown option "hibp.endpiont"; did you mean "hibp.endpoint"?');
  assert.equal(unknownOption('attach', '', 'x', ['policy'], 'a hint').message, 'passmeter.attach: unknown option "x"; a hint');
  assert.ok(unknownOption('attach', '', 'x', []) instanceof TypeError);
});

test('readTable: the call, else the attribute (parsed), else the default, then the check', () => {
  const table = {
    policy: { attr: 'policy', default: () => 'zxcvbn', check: (v) => v },
    multiFactor: { attr: 'multi-factor', parse: (s) => s !== 'false', default: () => false, check: (v) => v },
    waitMs: { default: (ctx) => ctx.wait, check: (v, field) => { if (typeof v !== 'number') throw new TypeError(field); return v; } },
  };
  const ctx = { wait: 8000 };
  assert.deepEqual(readTable('attach', table, {}, ctx), { policy: 'zxcvbn', multiFactor: false, waitMs: 8000 });
  assert.deepEqual(readTable('attach', table, {}, ctx, { dataset: { passmeterPolicy: 'nist', passmeterMultiFactor: '' } }),
    { policy: 'nist', multiFactor: true, waitMs: 8000 });
  assert.deepEqual(readTable('attach', table, { policy: 'luds', multiFactor: false }, ctx, { dataset: { passmeterPolicy: 'nist', passmeterMultiFactor: '' } }),
    { policy: 'luds', multiFactor: false, waitMs: 8000 });
  assert.throws(() => readTable('attach', table, { waitMS: 1 }, ctx), { name: 'TypeError', message: 'passmeter.attach: unknown option "waitMS"; did you mean "waitMs"?' });
  assert.throws(() => readTable('load', table, null, ctx, { prefix: 'hibp.' }),
    { message: 'passmeter.load: hibp: must be an object' });
  assert.throws(() => readTable('attach', table, [], ctx), { message: 'passmeter.attach: options: must be an object' });
  assert.throws(() => readTable('attach', table, { waitMs: 'x' }, ctx, { prefix: 'p.' }), { message: 'p.waitMs' });
  assert.deepEqual(attributesOf({ ...table, luds: { attrs: ['min-length'], check: (v) => v } }),
    ['data-passmeter-policy', 'data-passmeter-multi-factor', 'data-passmeter-min-length']);
  assert.equal(fromAttribute({ passmeterMinLength: '9' }, 'min-length'), '9');
  assert.equal(fromAttribute(undefined, 'min-length'), undefined);
});
