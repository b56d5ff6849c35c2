// The <script> build (passmeter.js): defines window.passmeter and, once the
// page has painted, starts the module for any <input data-passmeter>,
// taking its options from the script tag's data-* attributes:
//   data-locale, data-worker="false", data-wasm-url, data-reference-year,
//   data-hibp="off", data-hibp-endpoint, data-hibp-timeout-ms, data-auto="off",
//   data-warm-up="off".

import { setBase, localeNextToScript } from './base.js';
import { setLocaleLoader } from './i18n/index.js';
import { load, locales, localizeFeedback, version } from './index.js';
import { autoAttach } from './auto.js';
import { pendingSource, attachEarly } from './early.js';

const script = typeof document !== 'undefined' ? document.currentScript : null;
setBase(script instanceof HTMLScriptElement && script.src ? script.src : '');
setLocaleLoader(localeNextToScript);

const passmeter = Object.freeze({ load, attach: attachEarly, locales, localizeFeedback, version });
globalThis.passmeter = passmeter;

function optionsFromScript() {
  const d = (script && script.dataset) || {};
  const off = (/** @type {string | undefined} */ v) => v === 'off' || v === 'false';
  /** @type {Record<string, any>} */
  const o = {};
  if (d.locale) o.locale = d.locale;
  if (d.worker) o.worker = !off(d.worker);
  if (d.wasmUrl) o.wasmURL = d.wasmUrl;
  if (d.referenceYear) o.referenceYear = Number(d.referenceYear);
  if (d.warmUp) o.warmUp = !off(d.warmUp);
  const hibp = {};
  if (d.hibp) hibp.enabled = !off(d.hibp);
  if (d.hibpEndpoint) hibp.endpoint = d.hibpEndpoint;
  if (d.hibpTimeoutMs) hibp.timeoutMs = Number(d.hibpTimeoutMs);
  if (Object.keys(hibp).length) o.hibp = hibp;
  return { auto: !off(d.auto), options: o };
}

// ---- auto-start (the widget's part) ----
// Every data-passmeter input gets its widget at once, pending until the
// module has started: nothing weak is valid meanwhile, and a start that
// fails leaves the minimum rule and the reason on the input. The module
// itself starts once the page is idle after first paint, or at once when
// the user gets to a field.
function autoStart() {
  const { auto, options } = optionsFromScript();
  if (!auto) return;
  const source = pendingSource(options, { lazy: true, onError: (err) => console.error(err.message) });
  const attachNow = source.attach;
  let scheduled = false;
  source.attach = (input, attachOptions) => {
    const controller = attachNow(input, attachOptions);
    if (!scheduled) {
      scheduled = true;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(source.start, { timeout: 1500 });
      else setTimeout(source.start, 200);
    }
    return controller;
  };
  autoAttach(source);
}
// ---- end of auto-start ----

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoStart, { once: true });
  else autoStart();
}
