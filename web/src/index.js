// The public API shared by every entry point.

export { load } from './load.js';
export { LOCALES as locales, localizeFeedback } from './i18n/index.js';

/** The package version. */
export const version = typeof __PASSMETER_VERSION__ === 'string' ? __PASSMETER_VERSION__ : '0.0.0-dev';
