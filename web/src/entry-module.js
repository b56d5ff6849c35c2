// The ES module build (passmeter.mjs, for Node and plain browsers): the package's
// files are found next to this module.

import { setBase } from './base.js';

setBase(import.meta.url);

export { load, locales, localizeFeedback, version } from './index.js';
export { attachEarly as attach } from './early.js';
