// Translations. Feedback text is chosen by feedback.codes, so any locale
// can render any response. Warnings and suggestions are two key spaces,
// as in zxcvbn-ts ('sequences' is both); passmeter's own words are a
// third. A key missing from a locale falls back to English, and an
// unknown code to the English text the engine sent.
//
// English, German and Spanish are built in; the other shipped locales
// are scripts of their own (dist/locales/<tag>.js, or all of them in
// dist/locales/all.js) that register their tables (register.js). Until a
// locale's script has run, its texts are English.

import enFeedback from './feedback/en.js';
import enUI from './ui/en.js';
import deFeedback from './feedback/de.js';
import deUI from './ui/de.js';
import esFeedback from './feedback/es.js';
import esUI from './ui/es.js';
import shipped from './shipped.js';
import { registered } from './register.js';

/** @type {Record<string, import('./register.js').LocaleTables>} */
const builtIn = { en: { feedback: enFeedback, ui: enUI }, de: { feedback: deFeedback, ui: deUI }, es: { feedback: esFeedback, ui: esUI } };

/** The locales built into the entries. */
export const BUILT_IN = Object.freeze(Object.keys(builtIn));

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
