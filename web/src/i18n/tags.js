// The locales shipped: en is built in, each other one is i18n/TAG.js,
// built to dist/locales/TAG.js and fetched when needed.
export const LOCALE_TAGS = ['en', 'de', 'es'];
