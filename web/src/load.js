// passmeter.load(options): start the module once and hand back the API.

import { packageURL, bundledAssets, isNode, hasWorker } from './base.js';
import { startEngine, importGo, workerFromURL, StartError } from './engine.js';
import { createBreachChecker, applyBreach, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS } from './hibp.js';
import { BREACH_DUE, BREACH_SKIPPED, RULE_ENABLED, RULE_WITHOUT_EMAIL } from './breach.js';
import { resolveLocale, localizeFeedback, ensureLocale } from './i18n/index.js';
import { attach as attachTo, SCORE } from './attach.js';
import { autoAttach } from './auto.js';

/**
 * Starts the module (once; concurrent and later calls share the start) and
 * resolves to the API. A failed start rejects with an Error and is
 * forgotten, so calling load() again retries.
 * @param {import('./passmeter').LoadOptions} [options]
 * @returns {Promise<import('./passmeter').Passmeter>}
 */
export async function load(options = {}) {
  const opts = readOptions(options);
  // the locale's file comes while the module starts
  const [engine] = await Promise.all([startEngine(opts.where), ensureLocale(opts.locale), ensureLocale(opts.feedbackLocale)]);
  if (engine.fallbackReason) {
    console.warn(`passmeter: scoring on the main thread, the worker could not start: ${engine.fallbackReason}`);
  }
  const api = makeAPI(opts, engine);
  if (opts.autoAttach) autoAttach(api);
  return api;
}

function fail(field, message) {
  return new TypeError(`passmeter.load: ${field}: ${message}`);
}

const OPTIONS = ['wasmURL', 'wasmExecURL', 'workerURL', 'worker', 'referenceYear', 'locale', 'hibp', 'autoAttach', 'warmUp'];
const HIBP_OPTIONS = ['endpoint', 'timeoutMs', 'enabled', 'withoutEmail'];

/** Refuses keys not in known, naming the nearest known one. */
function onlyKnown(prefix, object, known) {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const near = nearest(key, known);
    throw fail(prefix + key, `is not an option${near ? ` (did you mean ${prefix}${near}?)` : ''}`);
  }
}

/** The known word closest to word by edit distance, ignoring case; '' when none is close. */
function nearest(word, known) {
  const distance = (a, b) => {
    a = a.toLowerCase(); b = b.toLowerCase();
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  };
  let best = '';
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) { best = k; bestD = d; }
  }
  return bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : '';
}

function readOptions(options) {
  if (options === null || typeof options !== 'object') throw fail('options', 'must be an object');
  onlyKnown('', options, OPTIONS);
  const url = (field, value) => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && !(value instanceof URL)) throw fail(field, 'must be a string or a URL');
    const base = typeof location !== 'undefined' ? location.href : undefined;
    try {
      return new URL(String(value), base).href;
    } catch {
      throw fail(field, `is not a URL: ${String(value)}`);
    }
  };
  const workerSet = options.worker !== undefined;
  const worker = options.worker ?? (!isNode && hasWorker);
  if (typeof worker !== 'boolean') throw fail('worker', 'must be a boolean');
  if (worker && !hasWorker) {
    throw new Error('passmeter.load: worker: true needs Web Workers (a browser); use worker: false here');
  }
  const year = options.referenceYear;
  if (year !== undefined && !(Number.isInteger(year) && year >= 1 && year <= 9999)) {
    throw fail('referenceYear', 'must be an integer year between 1 and 9999');
  }
  if (options.locale !== undefined && typeof options.locale !== 'string') throw fail('locale', 'must be a string');
  const hibp = options.hibp ?? {};
  if (hibp === null || typeof hibp !== 'object') throw fail('hibp', 'must be an object');
  onlyKnown('hibp.', hibp, HIBP_OPTIONS);
  if (hibp.enabled !== undefined && typeof hibp.enabled !== 'boolean') throw fail('hibp.enabled', 'must be a boolean');
  if (hibp.withoutEmail !== undefined && typeof hibp.withoutEmail !== 'boolean') throw fail('hibp.withoutEmail', 'must be a boolean');
  const timeoutMs = hibp.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw fail('hibp.timeoutMs', 'must be a positive number');
  const autoAttach = options.autoAttach ?? true;
  if (typeof autoAttach !== 'boolean') throw fail('autoAttach', 'must be a boolean');
  const warmUp = options.warmUp ?? !isNode;
  if (typeof warmUp !== 'boolean') throw fail('warmUp', 'must be a boolean');

  // The files: where the options say, else as the entry point found them
  // (literal URLs the bundler rewrote, or next to the script or module).
  const bundled = bundledAssets();
  const wasmSet = url('wasmURL', options.wasmURL);
  const wasmExecSet = url('wasmExecURL', options.wasmExecURL);
  const workerURLSet = url('workerURL', options.workerURL);
  const wasmURL = wasmSet ?? (bundled ? bundled.wasmURL() : packageURL('passmeter.wasm'));
  const wasmExecURL = wasmExecSet ?? packageURL('wasm_exec.js');
  const loadGo = wasmExecSet || !bundled
    ? () => importGo(wasmExecURL)
    : () => bundled.loadGo().catch((err) => {
      throw new StartError('wasm_exec', 'wasm_exec.js, bundled', err);
    });
  let newWorker = null;
  let workerName = '';
  if (worker) {
    workerName = workerURLSet ?? (bundled ? bundled.workerName : packageURL('passmeter.worker.js'));
    newWorker = workerURLSet || !bundled ? workerFromURL(workerName) : bundled.newWorker;
  }
  const locale = options.locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : 'en');
  return {
    where: {
      wasmURL,
      loadGo,
      wasmExecURL,
      // the worker has Go's wasm_exec.js built in, and loads this one only when set
      wasmExecSet: wasmExecSet !== undefined,
      newWorker,
      workerName,
      // an explicit worker: true means the worker or an error
      fallback: !workerSet,
      warmUp,
      key: `${wasmURL} ${workerName} ${wasmExecSet ?? ''}`,
    },
    referenceYear: year,
    locale: resolveLocale(locale),
    // strengthCheck's own feedback text follows only a locale asked for
    feedbackLocale: options.locale !== undefined ? resolveLocale(options.locale) : 'en',
    hibp: {
      enabled: hibp.enabled ?? true,
      // A password-only form with the check on is checked: serve does the
      // same with --breach-without-email (Stytch's default, and serve's,
      // checks only requests that name an email: withoutEmail: false).
      withoutEmail: hibp.withoutEmail ?? true,
      endpoint: url('hibp.endpoint', hibp.endpoint ?? DEFAULT_ENDPOINT),
      timeoutMs,
    },
    autoAttach: autoAttach && typeof document !== 'undefined',
    warmUp,
  };
}

function checkRequest(op, request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new TypeError(`passmeter.${op}: request: must be an object`);
  }
}

/** Turns the module's error objects into exceptions. */
function unwrap(op, res) {
  if (res === null || typeof res !== 'object') throw new Error(`passmeter.${op}: the module gave no answer`);
  if (res.status_code === undefined || res.status_code === 200) return res;
  const field = res.field || 'request';
  let message = String(res.error_message || res.error_type || 'bad request');
  if (!message.startsWith(field)) message = `${field}: ${message}`;
  const err = res.status_code >= 400 && res.status_code < 500
    ? new TypeError(`passmeter.${op}: ${message}`)
    : new Error(`passmeter.${op}: ${message}`);
  err.field = field;
  err.errorType = res.error_type;
  err.statusCode = res.status_code;
  throw err;
}

function makeAPI(opts, engine) {
  const withYear = (request) =>
    opts.referenceYear !== undefined && request.reference_year === undefined
      ? { ...request, reference_year: opts.referenceYear }
      : request;
  const checkBreach = createBreachChecker({ endpoint: opts.hibp.endpoint, timeoutMs: opts.hibp.timeoutMs });
  // The breach rule as the module takes it (core.BreachRule): whether a
  // check is due is the module's to say, the same rule serve follows.
  const rule = opts.hibp.enabled ? RULE_ENABLED | (opts.hibp.withoutEmail ? RULE_WITHOUT_EMAIL : 0) : 0;
  /** The response and whether a breach check is due for it; the "due" mark never leaves. */
  const scoreMarked = async (request, breach) => {
    checkRequest('strengthCheck', request);
    const res = inLocale(unwrap('strengthCheck', await engine.call('strengthCheck', withYear(request), breach ? rule : 0)));
    if (res.breach_check !== BREACH_DUE) return { response: res, due: false };
    return { response: { ...res, breach_check: BREACH_SKIPPED }, due: true };
  };
  const needMainThread = (name) => {
    if (!engine.callSync) {
      throw new Error(`passmeter.${name}: the module runs in a worker; load({worker: false}) to call it synchronously`);
    }
  };

  // The feedback text in the locale load() was given (codes unchanged).
  const inLocale = (res) => {
    if (opts.feedbackLocale === 'en') return res;
    return { ...res, feedback: { ...res.feedback, ...localizeFeedback(res, opts.feedbackLocale) } };
  };

  /** @type {import('./passmeter').Passmeter} */
  const api = {
    locale: opts.locale,
    breachCheckEnabled: opts.hibp.enabled,
    thread: engine.thread,

    async strengthCheck(request, options = {}) {
      checkRequest('strengthCheck', request);
      if (options === null || typeof options !== 'object') throw new TypeError('passmeter.strengthCheck: options: must be an object');
      if (options.breach !== undefined && typeof options.breach !== 'boolean') {
        throw new TypeError('passmeter.strengthCheck: options.breach: must be a boolean');
      }
      const { response, due } = await scoreMarked(request, options.breach);
      if (!due) return response;
      return applyBreach(response, (await checkBreach(request.password)).outcome);
    },

    [SCORE]: scoreMarked,

    strengthCheckSync(request) {
      needMainThread('strengthCheckSync');
      checkRequest('strengthCheck', request);
      return inLocale(unwrap('strengthCheck', engine.callSync('strengthCheck', withYear(request))));
    },

    async securityLevel(request) {
      checkRequest('securityLevel', request);
      return unwrap('securityLevel', await engine.call('securityLevel', withYear(request)));
    },

    securityLevelSync(request) {
      needMainThread('securityLevelSync');
      checkRequest('securityLevel', request);
      return unwrap('securityLevel', engine.callSync('securityLevel', withYear(request)));
    },

    async breachCheck(password) {
      if (typeof password !== 'string') throw new TypeError('passmeter.breachCheck: password: must be a string');
      if (!opts.hibp.enabled) return 'skipped';
      return (await checkBreach(password)).outcome;
    },

    attach(input, options) {
      return attachTo(api, input, options);
    },
  };
  return api;
}
