// passmeter.load(options): start the module once and hand back the API.

import { packageURL, bundledAssets, isNode, hasWorker } from './base.js';
import { startEngine, importGo, workerFromURL, StartError } from './engine.js';
import { createBreachChecker, applyBreach, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS } from './hibp.js';
import { BREACH_DUE, BREACH_SKIPPED, RULE_ENABLED, RULE_WITHOUT_EMAIL } from './breach.js';
import { resolveLocale, localizeFeedback, ensureLocale } from './i18n/index.js';
import { attach as attachTo, SCORE } from './attach.js';
import { autoAttach } from './auto.js';
import { readTable } from './options.js';

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

/**
 * @param {string} field
 * @param {string} message
 */
function fail(field, message) {
  return new TypeError(`passmeter.load: ${field}: ${message}`);
}

/**
 * An option's URL resolved against the page, or undefined when not given.
 * @param {unknown} value
 * @param {string} field
 * @returns {string | undefined}
 */
function url(value, field) {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' && !(value instanceof URL)) throw fail(field, 'must be a string or a URL');
  const base = typeof location !== 'undefined' ? location.href : undefined;
  try {
    return new URL(String(value), base).href;
  } catch {
    throw fail(field, `is not a URL: ${String(value)}`);
  }
}

/**
 * @param {unknown} value
 * @param {string} field
 * @returns {boolean}
 */
function bool(value, field) {
  if (typeof value !== 'boolean') throw fail(field, 'must be a boolean');
  return value;
}

/**
 * @param {unknown} value
 * @param {string} field
 * @returns {boolean | undefined}
 */
const maybeBool = (value, field) => (value === undefined ? undefined : bool(value, field));

/** load()'s options: each key of LoadOptions (passmeter.d.ts), its check and default. */
export const LOAD_OPTIONS = /** @satisfies {Record<keyof import('./passmeter').LoadOptions, import('./options.js').Option<null>>} */ ({
  wasmURL: { check: url },
  wasmExecURL: { check: url },
  workerURL: { check: url },
  // undefined: not set (a worker where there are workers, the main thread as a fallback)
  worker: { check: maybeBool },
  referenceYear: {
    /** @type {(year: unknown, field: string) => number | undefined} */
    check: (year, field) => {
      if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year) && year >= 1 && year <= 9999)) {
        throw fail(field, 'must be an integer year between 1 and 9999');
      }
      return year;
    },
  },
  locale: {
    /** @type {(v: unknown, field: string) => string | undefined} */
    check: (v, field) => {
      if (v !== undefined && typeof v !== 'string') throw fail(field, 'must be a string');
      return v;
    },
  },
  hibp: { check: (/** @type {unknown} */ v, /** @type {string} */ field) => readTable('load', HIBP_OPTIONS, v === undefined ? {} : v, null, { prefix: `${field}.` }) },
  autoAttach: { default: () => true, check: bool },
  warmUp: { default: () => !isNode, check: bool },
});

/** load()'s hibp options: each key of HibpOptions. */
export const HIBP_OPTIONS = /** @satisfies {Record<keyof import('./passmeter').HibpOptions, import('./options.js').Option<null>>} */ ({
  endpoint: { default: () => DEFAULT_ENDPOINT, check: url },
  timeoutMs: {
    default: () => DEFAULT_TIMEOUT_MS,
    /** @type {(v: unknown, field: string) => number} */
    check: (v, field) => {
      if (typeof v !== 'number' || !(v > 0)) throw fail(field, 'must be a positive number');
      return v;
    },
  },
  enabled: { default: () => true, check: bool },
  // A password-only form with the check on is checked: serve does the
  // same with --breach-without-email (Stytch's default, and serve's,
  // checks only requests that name an email: withoutEmail: false).
  withoutEmail: { default: () => true, check: bool },
});

/**
 * load()'s options read and resolved.
 * @param {unknown} options
 */
function readOptions(options) {
  if (options === null || typeof options !== 'object') throw fail('options', 'must be an object');
  const o = readTable('load', LOAD_OPTIONS, options, null);
  const workerSet = o.worker !== undefined;
  const worker = o.worker ?? (!isNode && hasWorker);
  if (worker && !hasWorker) {
    throw new Error('passmeter.load: worker: true needs Web Workers (a browser); use worker: false here');
  }
  const { hibp, warmUp } = o;

  // The files: where the options say, else as the entry point found them
  // (literal URLs the bundler rewrote, or next to the script or module).
  const bundled = bundledAssets();
  const wasmSet = o.wasmURL;
  const wasmExecSet = o.wasmExecURL;
  const workerURLSet = o.workerURL;
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
  const locale = o.locale ?? (typeof document !== 'undefined' ? document.documentElement.lang : 'en');
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
    referenceYear: o.referenceYear,
    locale: resolveLocale(locale),
    // strengthCheck's own feedback text follows only a locale asked for
    feedbackLocale: o.locale !== undefined ? resolveLocale(o.locale) : 'en',
    hibp: {
      enabled: hibp.enabled,
      withoutEmail: hibp.withoutEmail,
      endpoint: /** @type {string} */ (hibp.endpoint),
      timeoutMs: hibp.timeoutMs,
    },
    autoAttach: o.autoAttach && typeof document !== 'undefined',
    warmUp,
  };
}

/** @typedef {ReturnType<typeof readOptions>} Options */

/**
 * @param {string} op
 * @param {unknown} request
 */
function checkRequest(op, request) {
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new TypeError(`passmeter.${op}: request: must be an object`);
  }
}

/**
 * An error of a bad request: which field is at fault.
 * @typedef {Error & {field?: string, errorType?: string, statusCode?: number, requestId?: string, errorUrl?: string}} RequestError
 */

/**
 * The module's error object: Stytch's error fields, and which field is at fault.
 * @typedef {{status_code?: number, request_id?: string, field?: string, error_type?: string, error_message?: string, error_url?: string}} ModuleError
 */

/**
 * Turns the module's error objects into exceptions.
 * @param {string} op
 * @param {unknown} answer the module's answer (parsed JSON): a response, or an error object
 * @returns {any} the response: op's (StrengthResponse, SecurityInfo), as the module sent it
 */
function unwrap(op, answer) {
  if (answer === null || typeof answer !== 'object') throw new Error(`passmeter.${op}: the module gave no answer`);
  const res = /** @type {ModuleError} */ (answer);
  if (res.status_code === undefined || res.status_code === 200) return answer;
  const field = res.field || 'request';
  let message = String(res.error_message || res.error_type || 'bad request');
  if (!message.startsWith(field)) message = `${field}: ${message}`;
  /** @type {RequestError} */
  const err = res.status_code >= 400 && res.status_code < 500
    ? new TypeError(`passmeter.${op}: ${message}`)
    : new Error(`passmeter.${op}: ${message}`);
  err.field = field;
  err.errorType = res.error_type;
  err.statusCode = res.status_code;
  err.requestId = res.request_id;
  err.errorUrl = res.error_url;
  throw err;
}

/**
 * @param {Options} opts
 * @param {import('./engine.js').Engine} engine
 * @returns {import('./passmeter').Passmeter}
 */
function makeAPI(opts, engine) {
  /** @type {<R extends {reference_year?: number}>(request: R) => R} */
  const withYear = (request) =>
    opts.referenceYear !== undefined && request.reference_year === undefined
      ? { ...request, reference_year: opts.referenceYear }
      : request;
  const checkBreach = createBreachChecker({ endpoint: opts.hibp.endpoint, timeoutMs: opts.hibp.timeoutMs });
  // The breach rule as the module takes it (core.BreachRule): whether a
  // check is due is the module's to say, the same rule serve follows.
  const rule = opts.hibp.enabled ? RULE_ENABLED | (opts.hibp.withoutEmail ? RULE_WITHOUT_EMAIL : 0) : 0;
  /**
   * The response and whether a breach check is due for it; the "due" mark
   * never leaves. request is an object (strengthCheck checked it; attach
   * builds its own).
   * @param {import('./passmeter').StrengthRequest} request
   * @param {boolean | undefined} breach
   * @returns {Promise<{response: import('./passmeter').StrengthResponse, due: boolean}>}
   */
  const scoreMarked = async (request, breach) => {
    const res = inLocale(unwrap('strengthCheck', await engine.call('strengthCheck', withYear(request), breach ? rule : 0)));
    if (/** @type {string} */ (res.breach_check) !== BREACH_DUE) return { response: res, due: false };
    // until the check is in: configured, none run yet
    return { response: { ...res, breach_check: BREACH_SKIPPED, breach_detection_on_create: true }, due: true };
  };
  /**
   * @param {string} name
   * @returns {(op: import('./engine.js').Op, request: object) => any}
   */
  const needMainThread = (name) => {
    if (!engine.callSync) {
      throw new Error(`passmeter.${name}: the module runs in a worker; load({worker: false}) to call it synchronously`);
    }
    return engine.callSync;
  };

  // The feedback text in the locale load() was given (codes unchanged).
  /** @type {(res: import('./passmeter').StrengthResponse) => import('./passmeter').StrengthResponse} */
  const inLocale = (res) => {
    if (opts.feedbackLocale === 'en') return res;
    return { ...res, feedback: { ...res.feedback, ...localizeFeedback(res, opts.feedbackLocale) } };
  };

  /** @type {import('./attach.js').ScoringAPI} */
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
      const callSync = needMainThread('strengthCheckSync');
      checkRequest('strengthCheck', request);
      return inLocale(unwrap('strengthCheck', callSync('strengthCheck', withYear(request))));
    },

    async securityLevel(request) {
      checkRequest('securityLevel', request);
      return unwrap('securityLevel', await engine.call('securityLevel', withYear(request)));
    },

    securityLevelSync(request) {
      const callSync = needMainThread('securityLevelSync');
      checkRequest('securityLevel', request);
      return unwrap('securityLevel', callSync('securityLevel', withYear(request)));
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
