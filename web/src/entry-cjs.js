// The CommonJS build (passmeter.cjs) for require('passmeter') under Node:
// the package's files are found next to this file.

/* global __filename */
import { pathToFileURL } from 'node:url';
import { setBase } from './base.js';

setBase(pathToFileURL(__filename).href);

export { load, locales, localizeFeedback, version } from './index.js';
export { attachEarly as attach } from './early.js';
