// Attaching before the engine has started: the widget is there at once,
// the field is pending (not valid) until the first score, and a failed
// start leaves the minimum rule on the input (see attach.js).

import { load } from './load.js';
import { resolveLocale, ensureLocale } from './i18n/index.js';
import { attach } from './attach.js';

/**
 * A source for attach() whose API comes later. start(), called by a
 * widget when the user gets to its field (or at once when lazy is false),
 * runs load(loadOptions) once.
 * @param {import('./passmeter').LoadOptions} [loadOptions]
 * @param {{lazy?: boolean, onError?: (err: Error) => void}} [how]
 */
export function pendingSource(loadOptions = {}, how = {}) {
  /** @type {() => void} */
  let kick = () => {};
  /** @type {Promise<void>} */
  const started = new Promise((resolve) => { kick = resolve; });
  let ran = false;
  const ready = started.then(() => load(loadOptions));
  ready.catch((err) => how.onError && how.onError(err));
  const hibp = loadOptions && loadOptions.hibp;
  // the widget's text in its language as soon as the page has it
  ensureLocale(loadOptions.locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : 'en'));
  const source = {
    ready,
    // the rule load() follows, ahead of it: the option, else the page's lang
    locale: resolveLocale(loadOptions.locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : 'en')),
    breachCheckEnabled: !(hibp && hibp.enabled === false),
    start() {
      if (ran) return;
      ran = true;
      kick();
    },
    /**
     * @param {HTMLInputElement} input
     * @param {import('./passmeter').AttachOptions} [options]
     */
    attach(input, options) {
      return attach(source, input, options);
    },
  };
  if (!how.lazy) source.start();
  return source;
}

/**
 * passmeter.attach(input, options): attaches at once and starts the module
 * in the background (options.load are load()'s options; the start is
 * shared with every other load() call).
 * @param {HTMLInputElement} input
 * @param {import('./passmeter').AttachOptions & {load?: import('./passmeter').LoadOptions}} [options]
 */
export function attachEarly(input, options = {}) {
  const { load: loadOptions, ...rest } = options || {};
  return pendingSource(loadOptions || {}).attach(input, rest);
}
