// Translations: English is zxcvbn's text, every locale has every key,
// and a missing key falls back to English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { LOCALES, resolveLocale, translator, localizeFeedback, setLocaleLoader, ensureLocale } from '../src/i18n/index.js';
import en from '../src/i18n/en.js';
import de from '../src/i18n/de.js';
import es from '../src/i18n/es.js';

test('English feedback is zxcvbn 4.4.2 text, as the Go core has it', async () => {
  const go = await readFile(new URL('../../core/zxcvbn/feedback.go', import.meta.url), 'utf8');
  const block = go.slice(go.indexOf('var Messages = map[string]string{'), go.indexOf('\n}\n', go.indexOf('var Messages')));
  const pairs = [...block.matchAll(/"(\w+)":\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)/g)].map((m) => [m[1], m[2] !== undefined ? JSON.parse(`"${m[2]}"`) : m[3]]);
  assert.ok(pairs.length >= 27, `found ${pairs.length} messages in feedback.go`);
  for (const [code, text] of pairs) assert.equal(en[code], text, code);
});

test('every shipped locale has every key', () => {
  assert.deepEqual(LOCALES, ['en', 'de', 'es']);
  for (const [name, table] of Object.entries({ de, es })) {
    assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), name);
  }
});

test('locale tags resolve, unknown ones to English', () => {
  assert.equal(resolveLocale('de-AT'), 'de');
  assert.equal(resolveLocale('ES_mx'), 'es');
  assert.equal(resolveLocale('fr'), 'en');
  assert.equal(resolveLocale(undefined), 'en');
});

test('a locale is English until its file is fetched, then itself', async () => {
  assert.equal(translator('de')('topTen'), en.topTen);
  setLocaleLoader((tag) => import(`../src/i18n/${tag}.js`));
  assert.equal(await ensureLocale('de-AT'), 'de');
  assert.equal(translator('de')('topTen'), de.topTen);
  await ensureLocale('es');
});

test('every shipped locale is built as a file of its own, the same table', async () => {
  for (const tag of LOCALES.filter((t) => t !== 'en')) {
    const built = (await import(new URL(`../dist/locales/${tag}.js`, import.meta.url).href)).default;
    const source = (await import(`../src/i18n/${tag}.js`)).default;
    assert.deepEqual(built, source, tag);
  }
});

test('a missing key falls back to English, an unknown code to the engine text', () => {
  const t = translator('de', { level0: 'Miserabel' });
  assert.equal(t('level0'), 'Miserabel');
  assert.equal(t('topTen'), de.topTen);
  const partial = translator('de');
  assert.equal(partial('ludsLength', { n: 3 }), 'Füge 3 weitere Zeichen hinzu.');
  const fb = { warning: 'New warning', suggestions: ['Add another word or two. Uncommon words are better.', 'Brand new'], codes: { warning: 'brandNew', suggestions: ['anotherWord', 'brandNew2'] } };
  assert.deepEqual(localizeFeedback({ feedback: fb }, 'es'), { warning: 'New warning', suggestions: [es.anotherWord, 'Brand new'] });
  assert.deepEqual(localizeFeedback({ feedback: fb }, 'en'), { warning: 'New warning', suggestions: [en.anotherWord, 'Brand new'] });
});
