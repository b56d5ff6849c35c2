// Translations. Feedback text is chosen by feedback.codes, so any locale
// can render any response. Warnings and suggestions are two key spaces,
// as in zxcvbn-ts ('sequences' is both); passmeter's own words are a
// third. A key missing from a locale falls back to English, and an
// unknown code to the English text the engine sent.

import locales from './locales.js';

/** The locales shipped. */
export const LOCALES = Object.freeze(Object.keys(locales));

/**
 * Resolves a locale tag ("de-AT", "es_MX", "EN") to a shipped locale,
 * English when none fits.
 * @param {string | undefined} tag
 */
export function resolveLocale(tag) {
  const t = String(tag || 'en').toLowerCase().replace('_', '-');
  if (Object.hasOwn(locales, t)) return t;
  const lang = t.split('-')[0];
  return Object.hasOwn(locales, lang) ? lang : 'en';
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
 * @typedef {{warnings?: Record<string, string>, suggestions?: Record<string, string>, [key: string]: any}} Messages
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
  const { feedback, ui } = locales[resolveLocale(tag)];
  const en = locales.en;
  const o = overrides || {};
  /** @type {any} */
  const t = (/** @type {string} */ key, /** @type {Record<string, string | number> | undefined} */ vars, /** @type {string | undefined} */ fallback) => {
    let s = own(o, key) ?? own(ui, key) ?? own(en.ui, key) ?? fallback ?? key;
    if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
    return s;
  };
  t.warning = (/** @type {string} */ code, /** @type {string | undefined} */ fallback) =>
    own(o.warnings, code) ?? own(feedback.warnings, code) ?? own(en.feedback.warnings, code) ?? fallback ?? code;
  t.suggestion = (/** @type {string} */ code, /** @type {string | undefined} */ fallback) =>
    own(o.suggestions, code) ?? own(feedback.suggestions, code) ?? own(en.feedback.suggestions, code) ?? fallback ?? code;
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
