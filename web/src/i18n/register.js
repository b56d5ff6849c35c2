// The registry of locales that are not built in: each dist/locales/<tag>.js
// (built by web/build.mjs from feedback/<tag>.js and ui/<tag>.js) adds its
// tables here. It lives on globalThis, so a locale script and the API find
// each other whichever copy of the package each came from (the script
// tag's, the module's, CommonJS's) and in whichever order they ran.

const KEY = Symbol.for('passmeter.locales');

/**
 * @typedef {{feedback: {warnings: Record<string, string>, suggestions: Record<string, string>}, ui: Record<string, string>}} LocaleTables
 */

/** @returns {Record<string, LocaleTables>} */
export function registered() {
  const g = /** @type {any} */ (globalThis);
  if (!g[KEY] || typeof g[KEY] !== 'object') g[KEY] = Object.create(null);
  return g[KEY];
}

/**
 * Adds a locale's tables.
 * @param {string} tag
 * @param {LocaleTables['feedback']} feedback
 * @param {LocaleTables['ui']} ui
 */
export function register(tag, feedback, ui) {
  registered()[tag] = { feedback, ui };
}
