// The <script> build (passmeter.js): defines window.passmeter and, once the
// page has painted, starts the module for any <input data-passmeter>,
// taking its options from the script tag's data-* attributes:
//   data-locale, data-worker="false", data-wasm-url, data-reference-year,
//   data-hibp="off", data-hibp-endpoint, data-hibp-timeout-ms, data-auto="off",
//   data-warm-up="off".

import { setBase } from './base.js';
import { load, locales, localizeFeedback, version } from './index.js';
import { AUTO_SELECTOR } from './auto.js';

const script = typeof document !== 'undefined' ? document.currentScript : null;
setBase(script && script.src ? script.src : '');

const passmeter = Object.freeze({ load, locales, localizeFeedback, version });
globalThis.passmeter = passmeter;

function optionsFromScript() {
  const d = (script && script.dataset) || {};
  const off = (v) => v === 'off' || v === 'false';
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

function autoStart() {
  const { auto, options } = optionsFromScript();
  if (!auto) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load(options).catch((err) => console.error(err.message));
  };
  const soon = () => {
    // after first paint, when the page is idle; at once if the user gets there first
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 1500 });
    else setTimeout(start, 200);
    document.addEventListener('focusin', (e) => e.target instanceof Element && e.target.matches(AUTO_SELECTOR) && start());
  };
  if (document.querySelector(AUTO_SELECTOR)) {
    soon();
    return;
  }
  const watch = new MutationObserver(() => {
    if (document.querySelector(AUTO_SELECTOR)) {
      watch.disconnect();
      soon();
    }
  });
  watch.observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoStart, { once: true });
  else autoStart();
}
