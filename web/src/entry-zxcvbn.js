// passmeter/zxcvbn as an ES module (zxcvbn.mjs for Node and plain
// browsers, zxcvbn.browser.mjs for bundlers): the engine starts on this
// thread before the import resolves, so the default export answers at
// once, as zxcvbn does. './passmeter.mjs' is the package's own entry next
// to this file (web/build.mjs swaps in the bundler entry for the browser
// build), so both share one module and one engine.

import { load } from './passmeter.mjs';
import { makeZxcvbn } from './zxcvbn-shape.js';

const pm = await load({ worker: false, autoAttach: false });

export default makeZxcvbn((request) => pm.strengthCheckSync(request));
