// Translations. Feedback text is chosen by feedback.codes, so any locale
// can render any response; a key missing from a locale falls back to
// English, and an unknown code to the English text the engine sent.

import en from './en.js';
import de from './de.js';
import es from './es.js';

/** @type {Record<string, Record<string, string>>} */
const locales = { en, de, es };

/** The locales shipped. */
export const LOCALES = Object.freeze(Object.keys(locales));

/**
 * Resolves a locale tag ("de-AT", "es_MX", "EN") to a shipped locale,
 * English when none fits.
 * @param {string | undefined} tag
 */
export function resolveLocale(tag) {
  const t = String(tag || 'en').toLowerCase().replace('_', '-');
  if (locales[t]) return t;
  const lang = t.split('-')[0];
  return locales[lang] ? lang : 'en';
}

/**
 * A translator for a locale, with optional overrides.
 * @param {string} [tag]
 * @param {Record<string, string>} [overrides]
 * @returns {(key: string, vars?: Record<string, string | number>, fallback?: string) => string}
 */
export function translator(tag, overrides) {
  const table = locales[resolveLocale(tag)];
  return (key, vars, fallback) => {
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
