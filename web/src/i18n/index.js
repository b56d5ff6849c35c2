// Translations. Feedback text is chosen by feedback.codes, so any locale
// can render any response; a key missing from a locale falls back to
// English, and an unknown code to the English text the engine sent.
//
// English is built in; every other locale is a file of its own
// (dist/locales/TAG.js), fetched when load() or attach() first needs it, so
// a page downloads one language, not all of them. Each entry point says
// how to fetch one (setLocaleLoader): literal import()s a bundler sees, or
// a URL next to the script.

import en from './en.js';
import { LOCALE_TAGS } from './tags.js';

/** The tables fetched so far. @type {Record<string, Record<string, string>>} */
const tables = { en };
const known = new Set(LOCALE_TAGS);

/** The locales shipped. */
export const LOCALES = Object.freeze([...LOCALE_TAGS]);

/** @type {((tag: string) => Promise<{default: Record<string, string>}>) | null} */
let loader = null;
/** @type {Map<string, Promise<string>>} */
const loading = new Map();

/** @param {(tag: string) => Promise<{default: Record<string, string>}>} f */
export function setLocaleLoader(f) {
  loader = f;
}

/**
 * Fetches the locale tag resolves to, once; resolves to its name. A locale
 * that cannot be fetched leaves English in its place (with a warning).
 * @param {string | undefined} tag
 * @returns {Promise<string>}
 */
export function ensureLocale(tag) {
  const name = resolveLocale(tag);
  if (tables[name] || !loader) return Promise.resolve(name);
  let p = loading.get(name);
  if (!p) {
    p = /** @type {(tag: string) => Promise<{default: Record<string, string>}>} */ (loader)(name).then(
      (m) => {
        tables[name] = m.default;
        return name;
      },
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
  if (known.has(t)) return t;
  const lang = t.split('-')[0];
  return known.has(lang) ? lang : 'en';
}

/**
 * A translator for a locale, with optional overrides.
 * @param {string} [tag]
 * @param {Record<string, string>} [overrides]
 * @returns {(key: string, vars?: Record<string, string | number>, fallback?: string) => string}
 */
export function translator(tag, overrides) {
  const name = resolveLocale(tag);
  return (key, vars, fallback) => {
    // looked up at each call: a locale fetched later is used from then on
    const table = tables[name] || en;
    let s = (overrides && overrides[key]) ?? table[key] ?? en[key] ?? fallback ?? key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
    return s;
  };
}

/**
 * The warning and suggestions of a strengthCheck response in a locale.
 * @param {{feedback: {warning: string, suggestions: string[], codes?: {warning: string, suggestions: string[]}}}} response
 * @param {string} [locale]
 * @returns {{warning: string, suggestions: string[]}}
 */
export function localizeFeedback(response, locale) {
  const t = translator(locale);
  const fb = response.feedback;
  const codes = fb.codes || { warning: '', suggestions: [] };
  return {
    warning: codes.warning ? t(codes.warning, undefined, fb.warning) : fb.warning,
    suggestions: fb.suggestions.map((text, i) => (codes.suggestions[i] ? t(codes.suggestions[i], undefined, text) : text)),
  };
}
