// The npm package under Node: import web/dist/passmeter.mjs as a server
// would, and use it synchronously and asynchronously.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHibp, YEAR } from './helpers.mjs';

const dist = new URL('../dist/', import.meta.url);
const pm = await import(new URL('passmeter.mjs', dist).href);

const STYTCH_FIELDS = ['status_code', 'request_id', 'valid_password', 'score', 'breached_password', 'strength_policy',
  'breach_detection_on_create', 'feedback', 'breach_check', 'guesses', 'guesses_log10', 'crack_times_seconds',
  'crack_times_display', 'sequence', 'calc_time_ms'];

test('package.json exports point at built files', async () => {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.name, 'passmeter');
  assert.equal(pkg.type, 'module');
  // every file named anywhere in exports (conditions nest), but the wildcard
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of [pkg.types, pkg.main, pkg.module, ...targets.filter((t) => !t.includes('*'))]) {
    await readFile(new URL(t, new URL('../', import.meta.url)));
  }
  assert.ok(targets.length > 15);
});

test('a failed start rejects with a clear Error and can be retried', async () => {
  await assert.rejects(pm.load({ wasmURL: new URL('nope.wasm', dist).href }), (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /passmeter\.load: could not start the wasm .*nope\.wasm/);
    assert.equal(err.part, 'wasm');
    return true;
  });
  const api = await pm.load({ referenceYear: YEAR });
  assert.equal(typeof api.strengthCheckSync, 'function');
});

test('bad load options are TypeErrors naming the field', async () => {
  await assert.rejects(pm.load({ worker: 'yes' }), /TypeError: passmeter\.load: worker:/);
  await assert.rejects(pm.load({ referenceYear: 20.5 }), /referenceYear/);
  await assert.rejects(pm.load({ hibp: { timeoutMs: -1 } }), /hibp\.timeoutMs/);
  await assert.rejects(pm.load({ worker: true }), /Web Workers/);
  await assert.rejects(pm.load({ wasmUrl: 'x' }), /TypeError: passmeter\.load: unknown option "wasmUrl"; did you mean "wasmURL"\?/);
  await assert.rejects(pm.load({ hibp: { endpiont: 'x' } }), /passmeter\.load: unknown option "hibp\.endpiont"; did you mean "hibp\.endpoint"\?/);
  await assert.rejects(pm.load({ hibp: { withoutEmail: 'no' } }), /TypeError: passmeter\.load: hibp\.withoutEmail: must be a boolean/);
});

// strengthCheck(request, {breach: true}) asks the module (core.BreachRule)
// whether a check is due: by default also without an email (serve
// --breach-without-email), with withoutEmail: false only with one (serve's
// default); weak passwords are checked too; the "due" mark never leaves.
test('the breach rule is core\'s: withoutEmail, email fields, weak passwords', async (t) => {
  const hibp = await startHibp({ breached: { password1: 99, 'violet lantern quarry 77 mosaic': 3 } });
  t.after(() => hibp.close());
  const strong = 'violet lantern quarry 77 mosaic';
  const field = [{ type: 'email', value: 'a@b.io' }];
  for (const [withoutEmail, request, want] of [
    [undefined, { password: strong }, 'breached'],
    [false, { password: strong }, 'skipped'],
    [false, { password: strong, email: 'a@b.io' }, 'breached'],
    [false, { password: strong, form_fields: field }, 'breached'],
    [false, { password: strong, form_fields: [{ type: 'text', value: 'a@b.io' }] }, 'skipped'],
    [false, { password: 'password1', form_fields: field }, 'breached'],
    [true, { password: 'Mauve otter juggles 42 lanterns!' }, 'ok'],
  ]) {
    const api = await pm.load({ referenceYear: YEAR, hibp: { endpoint: hibp.endpoint, withoutEmail } });
    const r = await api.strengthCheck(request, { breach: true });
    assert.equal(r.breach_check, want, `${JSON.stringify(request)} withoutEmail ${withoutEmail}`);
    assert.equal(r.breach_detection_on_create, true);
    assert.equal(r.breached_password, want === 'breached');
    if (want === 'breached') assert.equal(r.valid_password, false);
    const plain = await api.strengthCheck(request);
    assert.equal(plain.breach_check, 'skipped');
    assert.equal(plain.breach_detection_on_create, false);
  }
  const off = await pm.load({ referenceYear: YEAR, hibp: { enabled: false } });
  const r = await off.strengthCheck({ password: strong, email: 'a@b.io' }, { breach: true });
  assert.deepEqual([r.breach_check, r.breach_detection_on_create], ['skipped', false]);
});

test('concurrent loads share one start', async () => {
  const [a, b] = await Promise.all([pm.load(), pm.load({ locale: 'de' })]);
  assert.equal(a.locale, 'en');
  assert.equal(b.locale, 'de');
  assert.equal(a.strengthCheckSync({ password: 'x', reference_year: YEAR }).score, 0);
});

test('strengthCheck answers with every Stytch field', async () => {
  const api = await pm.load({ referenceYear: YEAR });
  const r = await api.strengthCheck({ password: 'password1' });
  for (const f of STYTCH_FIELDS) assert.ok(f in r, f);
  assert.equal(r.status_code, 200);
  assert.equal(r.score, 0);
  assert.equal(r.valid_password, false);
  assert.equal(r.breach_check, 'skipped');
  assert.equal(r.feedback.warning, 'This is a very common password');
  assert.deepEqual(r.feedback.codes, { warning: 'common', suggestions: ['anotherWord'] });
  // zxcvbn-ts's keys: the suggestion for a sequence is 'sequences', as its warning
  assert.deepEqual(api.strengthCheckSync({ password: 'abcdefg' }).feedback.codes, { warning: 'sequences', suggestions: ['anotherWord', 'sequences'] });
  assert.deepEqual(api.strengthCheckSync({ password: '13/3/1998' }).feedback.codes, { warning: 'dates', suggestions: ['anotherWord', 'dates'] });
  assert.equal(r.feedback.luds_requirements, null);
  const strong = api.strengthCheckSync({ password: 'correct horse battery staple gallon' });
  assert.equal(strong.score, 4);
  assert.equal(strong.valid_password, true);
  assert.notEqual(strong.request_id, r.request_id);
});

test('luds policy', async () => {
  const api = await pm.load();
  const r = api.strengthCheckSync({ password: 'abc', strength_policy: 'luds', luds: { min_length: 10, min_complexity: 2 } });
  assert.equal(r.valid_password, false);
  assert.deepEqual(r.feedback.luds_requirements, {
    has_lower_case: true, has_upper_case: false, has_digit: false, has_symbol: false, missing_complexity: 1, missing_characters: 7,
  });
});

test('bad requests are TypeErrors naming the field, and the next call works', async () => {
  const api = await pm.load();
  const cases = [
    [{ password: 42 }, 'password'],
    [{}, 'password'],
    [{ password: 'x', strength_policy: 'strong' }, 'strength_policy'],
    [{ password: 'x', luds: { min_length: 2 } }, 'luds.min_length'],
    [{ password: 'x', user_inputs: 'me' }, 'user_inputs'],
  ];
  for (const [req, field] of cases) {
    assert.throws(() => api.strengthCheckSync(req), (err) => {
      assert.ok(err instanceof TypeError, String(err));
      assert.equal(err.field, field);
      assert.match(err.message, new RegExp(`^passmeter\\.strengthCheck: ${field.replace('.', '\\.')}: `));
      // the module's error object, Stytch's shape, on the exception
      assert.equal(err.statusCode, 400);
      assert.equal(err.errorType, `invalid_${field.split('.')[0]}`);
      assert.match(err.requestId, /^request-id-[0-9a-f-]{36}$/);
      assert.equal(err.errorUrl, 'https://stytch.com/docs/api/errors/400');
      return true;
    });
    await assert.rejects(api.strengthCheck(req), TypeError);
  }
  assert.throws(() => api.securityLevelSync({ password: 'x', reference_year: -3 }), (err) => err instanceof TypeError && err.field === 'reference_year');
  assert.throws(() => api.strengthCheckSync({ password: 'x', reference_year: -3 }), (err) => err instanceof TypeError && err.field === 'reference_year');
  assert.throws(() => api.strengthCheckSync(null), /request: must be an object/);
  assert.throws(() => api.strengthCheckSync('pw'), TypeError);
  await assert.rejects(api.strengthCheck({ password: 'x' }, { breach: 'yes' }), /options\.breach/);
  assert.equal(api.strengthCheckSync({ password: 'still works' }).status_code, 200);
});

test('securityLevel', async () => {
  const api = await pm.load({ referenceYear: YEAR });
  const none = api.securityLevelSync({});
  assert.equal(none.passwordSet, false);
  assert.equal(none.passwordSecurityLevel, 0);
  const weak = await api.securityLevel({ password: 'password1' });
  assert.deepEqual(Object.keys(weak).sort(), ['emailBinded', 'mfaEnrolled', 'passwordSecurityLevel', 'passwordSet', 'phoneBinded', 'securityScore']);
  assert.equal(weak.passwordSecurityLevel, 1);
  const full = await api.securityLevel({ password: 'correct horse battery staple gallon', mfaEnrolled: true, emailBinded: true, phoneBinded: true });
  assert.ok(full.securityScore >= weak.securityScore);
  assert.throws(() => api.securityLevelSync({ password: 7 }), TypeError);
});

test('a breach check under Node', async (t) => {
  const hibp = await startHibp({ breached: { 'correct horse battery staple gallon': 3 } });
  t.after(() => hibp.close());
  const api = await pm.load({ hibp: { endpoint: hibp.endpoint } });
  const r = await api.strengthCheck({ password: 'correct horse battery staple gallon' }, { breach: true });
  assert.equal(r.breach_check, 'breached');
  assert.equal(r.breached_password, true);
  assert.equal(r.valid_password, false);
  assert.equal(r.breach_detection_on_create, true);
  const ok = await api.strengthCheck({ password: 'violet lantern quarry 77 mosaic' }, { breach: true });
  assert.equal(ok.breach_check, 'ok');
  assert.equal(ok.valid_password, true);
  const off = await pm.load({ hibp: { enabled: false } });
  assert.equal((await off.strengthCheck({ password: 'x' }, { breach: true })).breach_check, 'skipped');
});

// The shim calls the module through its wasm exports (src/exports.js); the
// globals are the module's public way in. Both must give the same answers.
test('the exports path answers as the globals do, and is the one used', async () => {
  const api = await pm.load({ referenceYear: YEAR });
  const same = (a) => {
    const c = { ...a };
    delete c.request_id;
    delete c.calc_time_ms;
    return JSON.stringify(c);
  };
  const long = 'qwertyuiopasdfghjkl'.repeat(60) + 'Ελλάδα😀';
  const requests = [
    { password: 'Tr0ub4dour&3' }, { password: '' }, { password: 'correct horse battery staple' },
    { password: 'İstanbulΣ4$', user_inputs: ['istanbul', 'Σ'] }, { password: 'lone \ud800 surrogate' },
    { password: long }, { password: 'abc', strength_policy: 'luds', luds: { min_length: 10, min_complexity: 2 } },
    { password: 42 }, {}, { password: 'x', luds: { min_length: 2 } }, { password: 'x', user_inputs: 'me' },
  ];
  const real = { strengthCheck: globalThis.strengthCheck, securityLevel: globalThis.securityLevel };
  const globalAnswers = requests.map((r) => real.strengthCheck({ reference_year: YEAR, ...r }));
  const levels = [{}, { password: 'password1', emailBinded: true }, { password: 7 }].map((r) => [r, real.securityLevel(r)]);
  // With the globals out of reach, answers can only come from the exports.
  let globalCalls = 0;
  globalThis.strengthCheck = (r) => { globalCalls++; return real.strengthCheck(r); };
  globalThis.securityLevel = (r) => { globalCalls++; return real.securityLevel(r); };
  try {
    requests.forEach((r, i) => {
      let got;
      try {
        got = api.strengthCheckSync(r);
      } catch (err) {
        assert.equal(globalAnswers[i].status_code, 400, `${JSON.stringify(r)}: ${err}`);
        assert.equal(err.field, globalAnswers[i].field);
        assert.equal(err.message, `passmeter.strengthCheck: ${globalAnswers[i].error_message}`);
        return;
      }
      assert.equal(same(got), same(globalAnswers[i]), JSON.stringify(r).slice(0, 80));
    });
    for (const [r, want] of levels) {
      if (want.status_code === 400) assert.throws(() => api.securityLevelSync(r), (e) => e.field === want.field);
      else assert.deepEqual(api.securityLevelSync(r), want);
    }
    assert.equal(globalCalls, 0);
    // What JSON.stringify refuses goes to the global, which names the fault.
    assert.throws(() => api.strengthCheckSync({ password: 1n }), /request is not plain data/);
    assert.equal(globalCalls, 1);
  } finally {
    Object.assign(globalThis, real);
  }
  assert.equal(api.strengthCheckSync({ password: 'still works' }).status_code, 200);
});

// The shim starts Go with a soft heap limit (src/goenv.js), unless the
// environment already names one.
test('the module starts with GOMEMLIMIT set, and a caller\'s own value wins', async () => {
  const { goEnv } = await import('../src/goenv.js');
  assert.equal(goEnv({}).GOMEMLIMIT, '24MiB');
  assert.equal(goEnv({ GOMEMLIMIT: '64MiB', X: '1' }).GOMEMLIMIT, '64MiB');
  assert.equal(goEnv({ X: '1' }).X, '1');
  // What the built package hands the Go program, seen from a fresh process.
  const script = `
    await import(${JSON.stringify(new URL('wasm_exec.js', dist).href)});
    let env = null;
    const Real = globalThis.Go;
    globalThis.Go = class extends Real { run(instance) { env = this.env; return super.run(instance); } };
    const pm = await import(${JSON.stringify(new URL('passmeter.mjs', dist).href)});
    await pm.load();
    console.log(JSON.stringify(env));
    process.exit(0);`;
  const { execFileSync } = await import('node:child_process');
  const env = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.equal(env.GOMEMLIMIT, '24MiB');
});

test('load({locale}) translates strengthCheck\'s feedback; without it, zxcvbn\'s English', async () => {
  const de = await pm.load({ locale: 'de', referenceYear: YEAR });
  const en = await pm.load({ referenceYear: YEAR });
  const a = de.strengthCheckSync({ password: 'password1' });
  const b = await en.strengthCheck({ password: 'password1' });
  assert.equal(b.feedback.warning, 'This is a very common password');
  assert.notEqual(a.feedback.warning, b.feedback.warning);
  assert.equal(a.feedback.warning, pm.localizeFeedback(b, 'de').warning);
  assert.deepEqual(a.feedback.suggestions, pm.localizeFeedback(b, 'de').suggestions);
  assert.deepEqual(a.feedback.codes, b.feedback.codes);
});

test('a locale that is not built in: load() fetches its script; require or all at once too', async () => {
  const { createRequire } = await import('node:module');
  const en = await pm.load({ referenceYear: YEAR });
  const before = en.strengthCheckSync({ password: 'abcdefg' });
  assert.equal(before.feedback.warning, 'Sequences like abc or 6543 are easy to guess');
  assert.equal(pm.localizeFeedback(before, 'fr').warning, before.feedback.warning, 'English until the script has run');
  const fr = await pm.load({ locale: 'fr', referenceYear: YEAR });
  const after = fr.strengthCheckSync({ password: 'abcdefg' });
  assert.equal(after.feedback.warning, "Des séquences de caractères communs comme 'abc' sont faciles à deviner");
  assert.deepEqual(after.feedback.codes, before.feedback.codes);
  assert.equal(pm.localizeFeedback(after, 'fr').suggestions[1], after.feedback.suggestions[1]);
  createRequire(import.meta.url)(new URL('locales/ja.cjs', dist).pathname);
  assert.match(pm.localizeFeedback(after, 'ja').warning, /[\u3040-\u30ff\u4e00-\u9fff]/);
  assert.equal(pm.localizeFeedback(after, 'ko').warning, before.feedback.warning, 'ko not loaded yet');
  await import(new URL('locales/all.js', dist).href);
  assert.match(pm.localizeFeedback(after, 'ko').warning, /[\uac00-\ud7af]/);
  for (const tag of pm.locales) assert.ok(pm.localizeFeedback(after, tag).warning, tag);
});
