// Translations. Feedback text is chosen by feedback.codes, so any locale
// can render any response. Warnings and suggestions are two key spaces,
// as in zxcvbn-ts ('sequences' is both); passmeter's own words are a
// third. A key missing from a locale falls back to English, and an
// unknown code to the English text the engine sent.
//
// English is built in; every other shipped locale is a script of its own
// (dist/locales/<tag>.js, or all of them in dist/locales/all.js) that
// registers its tables (register.js). load() and attach() fetch the one
// they need (ensureLocale, through the loader each entry point sets: a
// literal import() a bundler sees, or a URL next to the script), so a page
// downloads one language, not 23; a page may also include the script
// itself. Until a locale's script has run, its texts are English.

import enFeedback from './feedback/en.js';
import enUI from './ui/en.js';
import shipped from './shipped.js';
import { registered } from './register.js';

/** @type {Record<string, import('./register.js').LocaleTables>} */
const builtIn = { en: { feedback: enFeedback, ui: enUI } };

/** The locales built into the entries. */
export const BUILT_IN = Object.freeze(Object.keys(builtIn));

/**
 * The keys a messages override may hold: passmeter's own words at the top
 * level, zxcvbn's feedback by code under warnings and suggestions.
 */
export const MESSAGE_KEYS = Object.freeze({
  ui: Object.freeze(Object.keys(enUI)),
  warnings: Object.freeze(Object.keys(enFeedback.warnings)),
  suggestions: Object.freeze(Object.keys(enFeedback.suggestions)),
});

/** The locales shipped: built in, or a script in dist/locales. */
export const LOCALES = Object.freeze([...shipped]);

/**
 * A shipped locale's tables, when built in or registered.
 * @param {string} tag
 * @returns {import('./register.js').LocaleTables | undefined}
 */
function tables(tag) {
  return Object.hasOwn(builtIn, tag) ? builtIn[tag] : registered()[tag];
}

/** @type {((tag: string) => Promise<unknown>) | null} */
let loader = null;
/** @type {Map<string, Promise<string>>} */
const loading = new Map();

/**
 * Says how this entry point fetches a locale's script (which registers
 * its tables when it runs).
 * @param {(tag: string) => Promise<unknown>} f
 */
export function setLocaleLoader(f) {
  loader = f;
}

/**
 * Fetches the script of the locale tag resolves to, once, unless it is
 * built in or already registered; resolves to the locale's name. A locale
 * that cannot be fetched leaves English in its place, with a warning.
 * @param {string | undefined} tag
 * @returns {Promise<string>}
 */
export function ensureLocale(tag) {
  const name = resolveLocale(tag);
  if (tables(name) || !loader) return Promise.resolve(name);
  let p = loading.get(name);
  if (!p) {
    p = /** @type {(tag: string) => Promise<unknown>} */ (loader)(name).then(
      () => name,
      (err) => {
        loading.delete(name);
        console.warn(`passmeter: the locale ${name} could not be loaded, English is used: ${(err && err.message) || err}`);
        return name;
      },
    );
    loading.set(name, p);
  }
  return p;
}

/**
 * Resolves a locale tag ("de-AT", "es_MX", "EN") to a shipped locale,
 * English when none fits.
 * @param {string | undefined} tag
 */
export function resolveLocale(tag) {
  const t = String(tag || 'en').toLowerCase().replace('_', '-');
  if (LOCALES.includes(t)) return t;
  const lang = t.split('-')[0];
  return LOCALES.includes(lang) ? lang : 'en';
}

/**
 * table[key] when it is a string of the table's own.
 * @param {any} table
 * @param {string} key
 * @returns {string | undefined}
 */
function own(table, key) {
  return table && Object.hasOwn(table, key) && typeof table[key] === 'string' ? table[key] : undefined;
}

/**
 * @typedef {import('../passmeter').Messages} Messages
 * @typedef {((key: string, vars?: Record<string, string | number>, fallback?: string) => string) & {
 *   warning: (code: string, fallback?: string) => string,
 *   suggestion: (code: string, fallback?: string) => string,
 * }} Translator
 */

/**
 * A translator for a locale, with optional overrides: passmeter's own
 * words by key, feedback by code under warnings and suggestions (the shape
 * of zxcvbn-ts's translations).
 * @param {string} [tag]
 * @param {Messages} [overrides]
 * @returns {Translator}
 */
export function translator(tag, overrides) {
  const resolved = resolveLocale(tag);
  const en = builtIn.en;
  const o = overrides || {};
  // looked up at each call: a locale script that runs later still counts
  const table = () => tables(resolved) || en;
  /** @type {any} */
  const t = (/** @type {string} */ key, /** @type {Record<string, string | number> | undefined} */ vars, /** @type {string | undefined} */ fallback) => {
    let s = own(o, key) ?? own(table().ui, key) ?? own(en.ui, key) ?? fallback ?? key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
    return s;
  };
  t.warning = (/** @type {string} */ code, /** @type {string | undefined} */ fallback) =>
    own(o.warnings, code) ?? own(table().feedback.warnings, code) ?? own(en.feedback.warnings, code) ?? fallback ?? code;
  t.suggestion = (/** @type {string} */ code, /** @type {string | undefined} */ fallback) =>
    own(o.suggestions, code) ?? own(table().feedback.suggestions, code) ?? own(en.feedback.suggestions, code) ?? fallback ?? code;
  return t;
}

/**
 * The warning and suggestions of a feedback object through a translator.
 * @param {Translator} t
 * @param {{warning: string, suggestions: string[], codes?: {warning: string, suggestions: string[]}}} fb
 * @returns {{warning: string, suggestions: string[]}}
 */
export function translateFeedback(t, fb) {
  const codes = fb.codes || { warning: '', suggestions: [] };
  return {
    warning: codes.warning ? t.warning(codes.warning, fb.warning) : fb.warning,
    suggestions: fb.suggestions.map((text, i) => (codes.suggestions[i] ? t.suggestion(codes.suggestions[i], text) : text)),
  };
}

/**
 * The warning and suggestions of a strengthCheck response in a locale.
 * @param {{feedback: {warning: string, suggestions: string[], codes?: {warning: string, suggestions: string[]}}}} response
 * @param {string} [locale]
 * @returns {{warning: string, suggestions: string[]}}
 */
export function localizeFeedback(response, locale) {
  return translateFeedback(translator(locale), response.feedback);
}
