// The CommonJS build (passmeter.cjs) for require('passmeter') under Node:
// the package's files are found next to this file.

/* global __filename */
import { pathToFileURL } from 'node:url';
import { setBase, localeNextToScript } from './base.js';
import { setLocaleLoader } from './i18n/index.js';

setBase(pathToFileURL(__filename).href);
setLocaleLoader(localeNextToScript);

export { load, locales, localizeFeedback, version } from './index.js';
export { attachEarly as attach } from './early.js';
