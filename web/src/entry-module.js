// The ES module build (passmeter.mjs, for Node and plain browsers): the package's
// files are found next to this module.

import { setBase, localeNextToScript } from './base.js';
import { setLocaleLoader } from './i18n/index.js';

setBase(import.meta.url);
setLocaleLoader(localeNextToScript);

export { load, locales, localizeFeedback, version } from './index.js';
export { attachEarly as attach } from './early.js';
