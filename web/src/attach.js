// Live feedback on a password input: a meter, the warning and suggestions,
// a polite live region, the browser's own validation (setCustomValidity),
// a passmeter:change event, and the breach check off the typing path
// (after a pause, on blur, on submit). detach() takes every listener and
// element back out.
//
// It fails closed and never blocks forever:
// - the verdict used at submit (and on change) is that of the value being
//   submitted: a value set by script without an input event is scored
//   again, and a breach result is only ever shown with the value it was
//   asked for;
// - a submit while a check is due (the engine still loading, a value not
//   yet scored, a breach check not yet answered) is held, shown as
//   "checking", and sent again once the answer is in, each wait bounded
//   (the HIBP time-out, waitMs); a breach blocks it, a failed check lets it
//   through and says so;
// - while the engine loads nothing is valid; if it cannot start (or is
//   still not there after waitMs at a submit) a minimum rule stands in:
//   minLength code points (8), said on the input.
//
// It holds still while the user types: the verdict (bar, level, validity)
// is instant, but the text and the announcement settle after a pause
// (settleMs), the feedback area keeps the room it once needed, and the bar
// never changes width.
//
// The password is read from input.value when needed and handed to the
// engine; it is never written to the DOM, the console or storage.

import { translator, translateFeedback, resolveLocale, ensureLocale, MESSAGE_KEYS } from './i18n/index.js';
import { applyBreach } from './hibp.js';
import { adoptStyles } from './styles.js';
import { readTable, onlyKnown, unknownOption, attributesOf } from './options.js';

/** @type {WeakMap<HTMLInputElement, import('./passmeter').Controller>} */
const controllers = new WeakMap();
let nextID = 0;

/**
 * The controller attached to an input, if any.
 * @param {HTMLInputElement} input
 */
export function controllerOf(input) {
  return controllers.get(input);
}

const DEFAULT_BREACH_DELAY_MS = 1200;
const DEFAULT_SETTLE_MS = 700;
const DEFAULT_WAIT_MS = 8000;
/** The minimum rule when the engine cannot score: this many code points. */
export const FALLBACK_MIN_LENGTH = 8;
/** Five segments: score 0 fills one, score 4 all five, so the five levels differ without colour. */
const SEGMENTS = 5;

/**
 * @param {string} field
 * @param {string} message
 */
function fail(field, message) {
  return new TypeError(`passmeter.attach: ${field}: ${message}`);
}

/** @typedef {Document | ShadowRoot} Scope */

/**
 * @param {string} field
 * @param {unknown} value
 * @param {Scope} scope
 * @returns {Element | null}
 */
function resolveElement(field, value, scope) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') {
    const el = scope.querySelector(value) || (scope !== document ? document.querySelector(value) : null);
    if (!el) throw fail(field, `no element matches ${value}`);
    return el;
  }
  if (value instanceof Element) return value;
  throw fail(field, 'must be an element or a selector');
}

/**
 * @param {string} field
 * @param {unknown} value
 * @param {Scope} scope
 * @returns {Element[]}
 */
function resolveElements(field, value, scope) {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') {
    const found = [...scope.querySelectorAll(value)];
    return found.length || scope === document ? found : [...document.querySelectorAll(value)];
  }
  if (value instanceof Element) return [value];
  if (typeof value === 'object' && typeof (/** @type {{[Symbol.iterator]?: unknown}} */ (value))[Symbol.iterator] === 'function') {
    return [.../** @type {Iterable<unknown>} */ (value)].map((v) => {
      if (!(v instanceof Element)) throw fail(field, 'must hold elements');
      return v;
    });
  }
  throw fail(field, 'must be a selector, an element or a list of elements');
}

/**
 * @param {string} field
 * @param {unknown} value
 * @returns {number | undefined}
 */
function int(field, value) {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw fail(field, 'must be an integer');
  return n;
}

/**
 * @param {string} field
 * @param {unknown} value
 * @param {number} def
 * @returns {number}
 */
function ms(field, value, def) {
  const v = value ?? def;
  if (typeof v !== 'number' || !(v >= 0)) throw fail(field, 'must be a number of milliseconds');
  return v;
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

/** An attribute's on/off value: absent is undefined, "off" and "false" are false, anything else true. */
const onOff = (/** @type {string} */ s) => s !== 'off' && s !== 'false';

/** @type {readonly string[]} */
const LUDS_KEYS = ['min_length', 'min_complexity', 'minLength', 'minComplexity'];

/**
 * A messages override: passmeter's own words at the top level, zxcvbn's
 * feedback by code under warnings and suggestions. A feedback code at the
 * top level (the old flat shape) is refused with where it belongs.
 * @param {unknown} value
 * @param {string} field
 * @returns {import('./passmeter').Messages | undefined}
 */
function checkMessages(value, field) {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail(field, 'must be an object');
  const { ui, warnings, suggestions } = MESSAGE_KEYS;
  /** @type {(key: string, text: unknown) => void} */
  const text = (key, t) => {
    if (typeof t !== 'string') throw fail(`${field}.${key}`, 'must be a string');
  };
  for (const [key, v] of Object.entries(value)) {
    if (key === 'warnings' || key === 'suggestions') {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw fail(`${field}.${key}`, 'must be an object');
      const codes = key === 'warnings' ? warnings : suggestions;
      for (const [code, t] of Object.entries(v)) {
        if (!codes.includes(code)) throw unknownOption('attach', `${field}.${key}.`, code, codes);
        text(`${key}.${code}`, t);
      }
    } else if (ui.includes(key)) {
      text(key, v);
    } else {
      const places = [warnings.includes(key) && `${field}.warnings.${key}`, suggestions.includes(key) && `${field}.suggestions.${key}`].filter(Boolean);
      const hint = places.length ? `a feedback text goes under warnings or suggestions: ${places.join(' or ')}` : undefined;
      throw unknownOption('attach', `${field}.`, key, [...ui, 'warnings', 'suggestions'], hint);
    }
  }
  return /** @type {import('./passmeter').Messages} */ (value);
}

/**
 * What attach()'s option checks and defaults need.
 * @typedef {object} AttachContext
 * @property {import('./passmeter').Passmeter | PendingSource} source
 * @property {HTMLInputElement} input
 * @property {DOMStringMap} dataset the input's data-* attributes
 * @property {Scope} scope where selectors are looked up first
 */

/**
 * attach()'s options: each key of AttachOptions (passmeter.d.ts), its
 * check, its default, and the data-passmeter-* attribute that may give it.
 */
export const ATTACH_OPTIONS = /** @satisfies {Record<keyof import('./passmeter').AttachOptions, import('./options.js').Option<AttachContext>>} */ ({
  policy: {
    attr: 'policy',
    default: () => 'zxcvbn',
    /** @type {(v: unknown, field: string) => 'zxcvbn' | 'luds' | 'nist'} */
    check: (v, field) => {
      if (v !== 'zxcvbn' && v !== 'luds' && v !== 'nist') throw fail(field, `must be "zxcvbn", "luds" or "nist", got ${String(v)}`);
      return v;
    },
  },
  luds: {
    // data-passmeter-min-length, data-passmeter-min-complexity
    attrs: ['min-length', 'min-complexity'],
    /** @type {(v: unknown, field: string, ctx: AttachContext) => {min_length?: number, min_complexity?: number} | undefined} */
    check: (v, field, { dataset: d }) => {
      const luds = v ?? {};
      if (luds === null || typeof luds !== 'object') throw fail(field, 'must be an object');
      onlyKnown('attach', `${field}.`, luds, LUDS_KEYS);
      const l = /** @type {{min_length?: unknown, min_complexity?: unknown, minLength?: unknown, minComplexity?: unknown}} */ (luds);
      const minLength = int(`${field}.min_length`, l.min_length ?? l.minLength ?? d.passmeterMinLength);
      const minComplexity = int(`${field}.min_complexity`, l.min_complexity ?? l.minComplexity ?? d.passmeterMinComplexity);
      return minLength === undefined && minComplexity === undefined ? undefined
        : { ...(minLength !== undefined && { min_length: minLength }), ...(minComplexity !== undefined && { min_complexity: minComplexity }) };
    },
  },
  multiFactor: { attr: 'multi-factor', parse: onOff, default: () => false, check: bool },
  inputs: {
    attr: 'inputs',
    /** @type {(v: unknown, field: string, ctx: AttachContext) => Element[]} */
    check: (v, field, { scope, input }) => resolveElements(field, v, scope).filter((f) => f !== input),
  },
  confirm: {
    /** @type {(v: unknown, field: string, ctx: AttachContext) => HTMLInputElement[]} */
    check: (v, field, { scope, input }) => resolveElements(field, v, scope)
      .filter(/** @returns {f is HTMLInputElement} */ (f) => f !== input && f instanceof HTMLInputElement),
  },
  userInputs: {
    default: () => [],
    /** @type {(v: unknown, field: string) => string[] | (() => string[])} */
    check: (v, field) => {
      if (typeof v !== 'function' && !(Array.isArray(v) && v.every((s) => typeof s === 'string'))) {
        throw fail(field, 'must be an array of strings or a function returning one');
      }
      return /** @type {string[] | (() => string[])} */ (v);
    },
  },
  target: {
    attr: 'target',
    /** @type {(v: unknown, field: string, ctx: AttachContext) => Element | null} */
    check: (v, field, { scope }) => resolveElement(field, v, scope),
  },
  locale: {
    attr: 'locale',
    default: ({ source }) => source.locale,
    /** @type {(v: unknown, field: string) => string | undefined} */
    check: (v, field) => {
      if (v !== undefined && typeof v !== 'string') throw fail(field, 'must be a string');
      return v;
    },
  },
  messages: { check: checkMessages },
  breach: { attr: 'breach', parse: onOff, default: ({ source }) => source.breachCheckEnabled, check: bool },
  breachDelayMs: { check: (/** @type {unknown} */ v, /** @type {string} */ field) => ms(field, v, DEFAULT_BREACH_DELAY_MS) },
  validity: { default: () => true, check: bool },
  settleMs: { check: (/** @type {unknown} */ v, /** @type {string} */ field) => ms(field, v, DEFAULT_SETTLE_MS) },
  waitMs: { check: (/** @type {unknown} */ v, /** @type {string} */ field) => ms(field, v, DEFAULT_WAIT_MS) },
  fallbackMinLength: { check: (/** @type {unknown} */ v, /** @type {string} */ field) => int(field, v) ?? FALLBACK_MIN_LENGTH },
  styles: {
    // checked where it is used (styles.js)
    /** @type {(v: unknown) => CSSStyleSheet | string | false | undefined} */
    check: (v) => /** @type {CSSStyleSheet | string | false | undefined} */ (v),
  },
});

/** The data-passmeter-* attributes attach() reads: a change attaches again (auto.js). */
export const ATTACH_ATTRIBUTES = Object.freeze(attributesOf(ATTACH_OPTIONS));

/** @typedef {Element & {value?: unknown, type?: string}} FieldElement */

/**
 * Options from the call, with the input's data-passmeter-* attributes as defaults.
 * @param {import('./passmeter').Passmeter | PendingSource} source
 * @param {HTMLInputElement} input
 * @param {unknown} options
 */
function readOptions(source, input, options) {
  // Selectors are looked up in the input's own tree first (a shadow root), then the document.
  const home = input.getRootNode && input.getRootNode();
  const scope = home instanceof ShadowRoot ? home : document;
  const dataset = input.dataset;
  const o = readTable('attach', ATTACH_OPTIONS, options, { source, input, dataset, scope }, { dataset });
  // the user-input fields: an <input> or <textarea> has a value, other elements their text
  const fields = /** @type {FieldElement[]} */ (o.inputs);
  return { ...o, fields, t: translator(o.locale, o.messages) };
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} className
 * @param {Record<string, string>} [attrs]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, className, attrs = {}) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Hidden from sight, kept for screen readers, even where passmeter.css is missing (a shadow root). */
/** @param {HTMLElement} e */
function visuallyHidden(e) {
  Object.assign(e.style, {
    position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: '0', overflow: 'hidden',
    clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0',
  });
}

/**
 * How attach scores through the API load() made: the response with
 * whether a breach check is due for it by core's rule (the module says),
 * the "due" mark taken out.
 */
export const SCORE = Symbol('passmeter.score');

/**
 * load()'s API with its scoring for attach.
 * @typedef {import('./passmeter').Passmeter & {[SCORE]: (request: import('./passmeter').StrengthRequest, breach: boolean) => Promise<{response: import('./passmeter').StrengthResponse, due: boolean}>}} ScoringAPI
 */

const codePoints = (/** @type {string} */ s) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** @type {(msecs: number) => Promise<void>} */
const sleep = (msecs) => new Promise((r) => setTimeout(r, msecs));

/**
 * The engine's refusal of an over-long password: "password: longer than 16384 characters (20000)".
 * @param {unknown} err
 * @returns {number | null}
 */
function tooLong(err) {
  const e = /** @type {import('./load.js').RequestError | null | undefined} */ (err);
  if (!e || e.field !== 'password') return null;
  const m = /longer than (\d+) characters/.exec(e.message);
  return m ? Number(m[1]) : null;
}

/**
 * Attaches live feedback to a password input.
 *
 * source is the API load() resolved to, or (to attach before the engine
 * has started) {ready: Promise<Passmeter>, locale, breachCheckEnabled,
 * start?}: the field is then pending until ready settles, and start() is
 * called when the user gets to the field (focus, a submit).
 * @param {import('./passmeter').Passmeter | PendingSource} source
 * @param {HTMLInputElement} input
 * @param {import('./passmeter').AttachOptions} [options]
 * @returns {import('./passmeter').Controller}
 */
export function attach(source, input, options = {}) {
  if (typeof HTMLInputElement === 'undefined' || !(input instanceof HTMLInputElement)) {
    throw fail('input', 'must be an <input> element');
  }
  const o = readOptions(source, input, options);
  controllers.get(input)?.detach();
  const t = o.t;
  const id = `passmeter-${++nextID}`;
  const listening = new AbortController();
  /**
   * Listens until detach().
   * @template {Event} E
   * @param {EventTarget} target
   * @param {string} type
   * @param {(e: E) => void} fn
   * @param {AddEventListenerOptions} [opts]
   */
  const on = (target, type, fn, opts = {}) =>
    target.addEventListener(type, /** @type {EventListener} */ (fn), { ...opts, signal: listening.signal });
  const numbers = new Intl.NumberFormat(resolveLocale(o.locale)); // "16.384" in German, as the text around it

  // ---- the engine: now, or once it has started ----
  const pending = isAPI(source) ? null : source;
  /** @type {import('./passmeter').Passmeter | null} */
  let api = isAPI(source) ? source : null;
  /** @type {'loading' | 'ready' | 'failed'} */
  let engine = api ? 'ready' : 'loading';
  let engineError = '';
  /** @type {Promise<unknown>} settles when the engine is ready or has failed */
  const engineSettled = !pending ? Promise.resolve() : Promise.resolve(pending.ready).then(
    (a) => {
      if (listening.signal.aborted) return;
      api = a;
      engine = 'ready';
      check();
    },
    (err) => {
      if (listening.signal.aborted) return;
      engine = 'failed';
      engineError = (err && err.message) || String(err);
      input.dispatchEvent(new CustomEvent('passmeter:error', { detail: { message: engineError }, bubbles: true }));
      check();
    },
  );
  const startEngine = () => {
    if (engine === 'loading' && pending && typeof pending.start === 'function') pending.start();
  };

  // ---- the elements ----
  const root = el('div', 'passmeter', { 'data-state': 'empty', 'data-score': '0', 'data-filled': '0' });
  const row = el('div', 'passmeter-row');
  const meter = el('div', 'passmeter-meter', {
    role: 'meter',
    'aria-label': t('strength'),
    'aria-valuemin': '0',
    'aria-valuemax': '4',
    'aria-valuenow': '0',
    'aria-valuetext': t('empty'),
  });
  for (let i = 0; i < SEGMENTS; i++) meter.append(el('span', 'passmeter-segment'));
  const level = el('span', 'passmeter-level', { id: `${id}-level`, 'aria-hidden': 'true' });
  row.append(meter, level);
  const details = el('div', 'passmeter-details', { id: `${id}-details` });
  const warning = el('p', 'passmeter-warning');
  const suggestions = el('ul', 'passmeter-suggestions');
  const breachNote = el('p', 'passmeter-breach');
  const errorNote = el('p', 'passmeter-error');
  warning.hidden = suggestions.hidden = breachNote.hidden = errorNote.hidden = true;
  details.append(warning, suggestions, breachNote, errorNote);
  const live = el('div', 'passmeter-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
  visuallyHidden(live);
  root.append(row, details, live);
  if (o.target) o.target.append(root);
  else input.insertAdjacentElement('afterend', root);
  const home = root.getRootNode();
  if (typeof ShadowRoot !== 'undefined' && home instanceof ShadowRoot) adoptStyles(home, o.styles);
  // Events of the form are heard at the root of the input's tree, in the
  // capture phase: before the form's own submit listeners.
  const eventRoot = /** @type {Document | ShadowRoot} */ (input.getRootNode());

  const before = {
    describedby: input.getAttribute('aria-describedby'),
    invalid: input.getAttribute('aria-invalid'),
  };
  input.setAttribute('aria-describedby', [before.describedby, details.id].filter(Boolean).join(' '));

  // ---- the state ----
  let seq = 0; // the newest check started
  let applied = 0; // the newest check shown
  /**
   * The verdict shown, and the value it is for (kept in this closure only).
   * @type {Scored}
   */
  let scored = { value: '', kind: 'empty' };
  /** @type {Promise<unknown> | null} the strength check on its way for the newest value */
  let inFlight = null;
  let inFlightValue = '';
  /**
   * The breach check of scored.value.
   * @type {BreachRecord}
   */
  let breach = { value: null, state: '', outcome: '', promise: null };
  let breachTimer = 0;
  let settleTimer = 0;
  let spoken = '';
  let touched = false; // the user has left the field or submitted: aria-invalid may show
  let holding = false; // a submit is held until the verdict is in
  let reserved = 0; // the tallest the details have been, in px: they never shrink back
  let lastSeen = input.value;

  // The fields go as they are (type and value): core decides which is the
  // email and what words the others give, as it does for a server that
  // re-checks the same form (core.StrengthRequest.Inputs).
  /** @param {string} password */
  const request = (password) => {
    /** @type {import('./passmeter').StrengthRequest} */
    const req = { password, strength_policy: o.policy };
    if (o.luds) req.luds = o.luds;
    if (o.policy === 'nist' && o.multiFactor) req.multi_factor = true;
    if (o.fields.length) {
      req.form_fields = o.fields.map((f) => {
        const field = /** @type {Element & {type?: unknown, value?: unknown}} */ (f);
        return {
          type: typeof field.type === 'string' ? field.type : '',
          value: typeof field.value === 'string' ? field.value : f.textContent || '',
        };
      });
    }
    const extra = typeof o.userInputs === 'function' ? o.userInputs() : o.userInputs;
    const user = Array.isArray(extra) ? extra.filter((s) => typeof s === 'string' && s) : [];
    if (user.length) req.user_inputs = user;
    return req;
  };
  /** @param {string} password */
  const score = (password) => /** @type {ScoringAPI} */ (api)[SCORE](request(password), o.breach);

  const breachDue = () => breach.value === scored.value && (breach.state === 'due' || breach.state === 'running');
  /**
   * The response for the value shown, with its breach outcome once in.
   * @returns {import('./passmeter').StrengthResponse | null}
   */
  const currentResponse = () => {
    if (scored.kind !== 'engine') return scored.response || null;
    const res = scored.response;
    return breach.value === scored.value && breach.state === 'done' && breach.outcome ? applyBreach(res, breach.outcome) : res;
  };
  /** True when the verdict shown is final for the value in the field. */
  const isCurrent = () => scored.value === input.value && !inFlight && scored.kind !== 'pending' && !breachDue();

  // ---- what to show, from the state ----
  /** @returns {View} */
  function view() {
    const kind = scored.kind;
    /** @type {View} */
    const v = {
      state: 'empty', score: 0, filled: 0, label: '', valuetext: t('empty'), message: '',
      warn: '', tips: [], note: '', noteState: '', error: '', say: '',
    };
    if (kind === 'empty') return v;
    if (kind === 'pending') {
      return { ...v, state: 'loading', label: t('levelPending'), valuetext: t('pending'), message: t('pending'), warn: t('pending') };
    }
    if (scored.kind === 'toolong') {
      const msg = t('tooLong', { max: numbers.format(scored.limit), n: numbers.format(scored.value.length) });
      return { ...v, state: 'toolong', label: t('levelTooLong'), valuetext: msg, message: msg, warn: msg, say: msg };
    }
    if (kind === 'fallback') {
      const ok = codePoints(scored.value) >= o.fallbackMinLength;
      const msg = t(engine === 'failed' ? 'engineFailed' : 'engineSlow', { n: o.fallbackMinLength });
      return {
        ...v, state: ok ? 'valid' : 'invalid', fallback: true, label: t('levelFallback'), valuetext: msg,
        message: ok ? '' : msg, warn: msg, error: engineError, say: msg,
      };
    }
    const res = /** @type {import('./passmeter').StrengthResponse} */ (currentResponse()); // kind 'engine': there is one
    const score = res.score;
    const label = t(`level${score}`);
    const fb = res.feedback;
    const lr = fb.luds_requirements;
    const nr = fb.nist_requirements;
    // luds and nist: their requirements in place of zxcvbn's feedback
    const rules = (res.strength_policy === 'luds' && !!lr) || (res.strength_policy === 'nist' && !!nr);
    let warn = '';
    /** @type {string[]} */
    let tips = [];
    if (res.strength_policy === 'luds' && lr) {
      tips = ludsLines(lr, t);
    } else if (res.strength_policy === 'nist' && nr) {
      tips = nistLines(nr, t);
    } else {
      ({ warning: warn, suggestions: tips } = translateFeedback(t, fb));
    }
    const threshold = t('needLevel', { level: t('level3') });
    let message = '';
    let shownWarn = warn;
    if (!res.valid_password) {
      if (res.breached_password) message = t('breached');
      else if (rules) message = tips.join(' ') || t('tooWeak');
      else if (warn) message = t('tooWeakWarning', { warning: warn });
      else message = shownWarn = threshold; // zxcvbn gave no warning: say what is needed
    }
    let note = '';
    let noteState = '';
    if (breach.value === scored.value && breach.state === 'running') {
      note = t('breachChecking');
      noteState = 'checking';
    } else if (breach.value === scored.value && breach.state === 'done' && breach.outcome !== 'skipped') {
      noteState = breach.outcome;
      /** @type {Record<string, string>} */
      const notes = { ok: t('breachOk'), breached: t('breached'), unavailable: t('breachUnavailable') };
      note = notes[breach.outcome] || '';
    }
    const breached = !!res.breached_password;
    let say;
    if (breached) say = t('breached');
    else {
      say = t('announce', { level: label });
      if (shownWarn) say += `. ${shownWarn}`;
      if (noteState === 'unavailable') say += `. ${note}`;
    }
    return {
      ...v,
      state: breached ? 'breached' : res.valid_password ? 'valid' : 'invalid',
      score,
      filled: score + 1,
      label: breached ? t('levelBreached') : label,
      valuetext: breached ? `${label}. ${t('breached')}` : label,
      message, warn: shownWarn, tips, note, noteState, say,
    };
  }

  /** The verdict: bar, level, validity. Instant, on every answer. */
  const renderVerdict = (/** @type {View} */ v) => {
    root.dataset.state = v.state;
    root.dataset.score = String(v.score);
    root.dataset.filled = String(v.filled);
    root.dataset.breach = v.noteState;
    if (v.fallback) root.dataset.fallback = '';
    else delete root.dataset.fallback;
    if (v.state !== 'empty') root.dataset.reserved = '';
    meter.setAttribute('aria-valuenow', String(v.score));
    meter.setAttribute('aria-valuetext', v.valuetext);
    level.textContent = v.label;
    if (o.validity) input.setCustomValidity(v.message);
    markInvalid(!!v.message);
  };

  const markInvalid = (/** @type {boolean} */ invalid) => {
    if (invalid && touched) input.setAttribute('aria-invalid', 'true');
    else if (before.invalid === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', before.invalid);
  };

  /** The text and the announcement: after a pause, or at once (blur, submit, an answer not caused by typing). */
  const renderText = (/** @type {View} */ v) => {
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = 0;
    warning.textContent = v.warn;
    warning.hidden = !v.warn;
    suggestions.replaceChildren(...v.tips.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
    suggestions.hidden = v.tips.length === 0;
    breachNote.dataset.state = v.noteState;
    breachNote.textContent = v.note;
    breachNote.hidden = !v.note;
    errorNote.textContent = v.error;
    errorNote.hidden = !v.error;
    // The room the feedback once took stays taken: what is below never moves up and down.
    if (v.state !== 'empty' || reserved) {
      const h = details.getBoundingClientRect().height;
      if (h > reserved + 0.5) {
        reserved = h;
        details.style.minHeight = `${h}px`;
      }
    }
    if (v.say !== spoken) {
      spoken = v.say;
      live.textContent = v.say;
    }
  };

  /** Shows the state: the verdict now, the text now or after the pause. */
  const render = (/** @type {boolean} */ textNow) => {
    const v = view();
    renderVerdict(v);
    if (textNow || o.settleMs === 0) renderText(v);
    else {
      if (settleTimer) clearTimeout(settleTimer);
      settleTimer = setTimeout(() => renderText(view()), o.settleMs);
    }
  };
  const flush = () => {
    if (settleTimer) renderText(view());
  };

  const emit = () => {
    const res = currentResponse();
    if (res) input.dispatchEvent(new CustomEvent('passmeter:change', { detail: res, bubbles: true }));
  };

  const clearBreachTimer = () => {
    if (breachTimer) clearTimeout(breachTimer);
    breachTimer = 0;
  };

  /** Runs the breach check due for the value shown; resolves when it is answered (bounded). */
  const runBreach = () => {
    clearBreachTimer();
    if (breach.value !== scored.value || scored.value !== input.value) return Promise.resolve();
    if (breach.state === 'running') return breach.promise;
    if (breach.state !== 'due') return Promise.resolve();
    const record = breach;
    record.state = 'running';
    render(true); // "checking" shows only now that a check runs
    // The checker has its own time-out; this bound keeps a submit from waiting on a checker that has none.
    // due only once the engine has answered for this value: there is an API and a value
    const ready = /** @type {import('./passmeter').Passmeter} */ (api);
    /** @type {Promise<import('./passmeter').BreachCheck>} */
    const answer = Promise.race([ready.breachCheck(/** @type {string} */ (record.value)), sleep(o.waitMs).then(() => /** @type {const} */ ('unavailable'))]);
    record.promise = answer.then(
      (outcome) => outcome,
      () => /** @type {const} */ ('unavailable'),
    ).then((outcome) => {
      if (breach !== record) return; // another value since: this answer belongs to nobody shown
      record.state = 'done';
      record.outcome = outcome;
      render(true);
      emit();
    });
    return record.promise;
  };

  /** Scores the value in the field now. */
  const check = () => {
    const my = ++seq;
    clearBreachTimer();
    const password = input.value;
    lastSeen = password;
    if (password === '') {
      // Empty: shown as such at once; still asked, so passmeter:change tells the page.
      // Older answers are dropped from now on, this one's own is not.
      applied = my - 0.5;
      scored = { value: '', kind: 'empty' };
      breach = { value: null, state: '', outcome: '', promise: null };
      render(true);
      if (engine !== 'ready') return Promise.resolve();
    } else if (engine !== 'ready') {
      inFlight = null;
      applied = my;
      // a fallback verdict for a slow engine stays for its value until the engine is there
      if (!(scored.kind === 'fallback' && scored.value === password)) {
        scored = engine === 'failed' ? { value: password, kind: 'fallback' } : { value: password, kind: 'pending' };
      }
      breach = { value: null, state: '', outcome: '', promise: null };
      render(engine === 'failed');
      return Promise.resolve();
    }
    const settled = score(password).then(
      ({ response: res, due }) => {
        if (my <= applied) return; // a newer answer is already shown
        applied = my;
        if (my === seq) inFlight = null;
        if (password === '') {
          scored = { value: '', kind: 'empty', response: res };
          emit();
          return;
        }
        const keep = breach.value === password && scored.value === password; // the same value scored again
        scored = { value: password, kind: 'engine', response: res };
        // Due by core's rule (core.BreachRule), weak passwords too: the
        // response is then the one serve gives for the same fields.
        if (!keep) breach = { value: password, state: due ? 'due' : '', outcome: '', promise: null };
        const typing = eventRoot.activeElement === input;
        render(!typing);
        emit();
        // Typing goes on in a focused input: wait for a pause. Otherwise
        // (blurred while this answer was on its way, autofilled) check now.
        if (breach.state === 'due' && my === seq) breachTimer = setTimeout(runBreach, typing ? o.breachDelayMs : 0);
      },
      (err) => {
        if (my <= applied) return;
        applied = my;
        if (my === seq) inFlight = null;
        breach = { value: null, state: '', outcome: '', promise: null };
        const limit = tooLong(err);
        if (limit) scored = { value: password, kind: 'toolong', limit };
        else {
          // The module stopped: the minimum rule stands in, and says so.
          engine = 'failed';
          engineError = err && err.message ? err.message : String(err);
          scored = { value: password, kind: 'fallback' };
        }
        render(true);
        input.dispatchEvent(new CustomEvent('passmeter:error', { detail: { message: err && err.message }, bubbles: true }));
      },
    );
    inFlight = settled;
    inFlightValue = password;
    return settled;
  };

  /**
   * Brings the verdict up to date for the value in the field: waits for the
   * engine (up to waitMs, then the minimum rule), scores the value if it
   * has changed, and runs a due breach check.
   */
  const upToDate = async (forSubmit = false) => {
    const deadline = Date.now() + o.waitMs;
    for (let round = 0; round < 5; round++) {
      if (engine === 'loading') {
        startEngine();
        await Promise.race([engineSettled, sleep(Math.max(0, deadline - Date.now()))]);
        if (engine === 'loading') {
          // Still starting: judge this value by the minimum rule rather than block.
          scored = { value: input.value, kind: 'fallback', slow: true };
          render(true);
          return;
        }
      }
      const asked = inFlight && inFlightValue === input.value;
      if (!asked && (scored.value !== input.value || scored.kind === 'pending')) check();
      if (inFlight) await Promise.race([inFlight, sleep(Math.max(0, deadline - Date.now()))]);
      if (breachDue()) {
        const answered = runBreach();
        // A submit of a password already invalid need not wait: a breach cannot make it more so.
        if (forSubmit && scored.value === input.value && scored.kind === 'engine' && !scored.response.valid_password) return;
        await answered;
      }
      if (isCurrent()) return;
      if (Date.now() > deadline) return;
    }
  };

  /** @type {(form: HTMLFormElement, el: Submitter | null) => Submitter | null} */
  const submitterOf = (form, el) => (el && el.isConnected && el.form === form ? el : null);

  /** Holds a submit until the verdict is in, then sends it again (or shows why not). */
  /** @type {{value: string, submitter: Submitter | null}} */
  let asked = { value: '', submitter: null }; // the newest submit held: what was in the field, and by which button
  /** @type {(form: HTMLFormElement, submitter: Submitter | null) => Promise<void>} */
  const hold = async (form, submitter) => {
    asked = { value: input.value, submitter };
    if (holding) return; // the hold under way takes this newer submit over
    holding = true;
    touched = true;
    root.dataset.holding = '';
    try {
      if (breachDue() || engine === 'loading') render(true);
      await upToDate(true);
    } finally {
      holding = false;
      delete root.dataset.holding;
    }
    if (listening.signal.aborted || !form.isConnected) return;
    render(true);
    // Sent again only for the value the user submitted: typing meanwhile means they are not done.
    if (input.value !== asked.value) return;
    if (isCurrent() && input.validity.valid) {
      form.requestSubmit(submitterOf(form, asked.submitter));
    } else if (scored.value === input.value && !input.validity.valid) {
      input.reportValidity();
    }
  };

  // ---- listening ----
  const onValue = () => {
    if (input.value !== scored.value || scored.kind === 'pending') check();
  };
  on(input, 'input', () => {
    startEngine();
    check();
  });
  on(input, 'change', onValue);
  on(input, 'focus', startEngine);
  on(input, 'blur', () => {
    touched = true;
    if (input.value !== scored.value) check();
    else {
      render(true);
      runBreach();
    }
  });
  // Not a sign the user is done (a page may call checkValidity() as they
  // type), so aria-invalid waits; a stale value is scored again.
  on(input, 'invalid', () => {
    if (input.value !== scored.value) check();
  });
  for (const f of o.fields) on(f, 'input', check);

  // A value set by script with no event (a "suggest password" button, a
  // password manager): noticed within a moment, and at submit in any case.
  const poll = setInterval(() => {
    if (input.value !== lastSeen) {
      lastSeen = input.value;
      check();
    }
    if (!input.isConnected && !root.isConnected) clearInterval(poll);
  }, 400);

  const form = () => input.form;
  // A submit the browser is about to refuse on a stale verdict (a weak
  // value replaced by script, the engine still loading): hold it, so that
  // it goes through once the value has been scored.
  const intent = (/** @type {Submitter | null} */ submitter) => {
    const f = form();
    if (!f) return;
    touched = true;
    markInvalid(!!input.validationMessage);
    if (isCurrent()) return;
    if (o.validity && !input.validity.valid) {
      input.setCustomValidity(t('pending'));
      hold(f, submitter);
    }
  };
  on(eventRoot, 'click', (e) => {
    const f = form();
    /** @type {HTMLButtonElement | HTMLInputElement | null} */
    const b = e.target instanceof Element ? e.target.closest('button, input[type="submit"], input[type="image"]') : null;
    if (f && b && b.form === f && b.type !== 'button' && b.type !== 'reset' && !b.disabled) intent(b);
  }, { capture: true });
  on(eventRoot, 'keydown', (/** @type {KeyboardEvent} */ e) => {
    const f = form();
    if (f && e.key === 'Enter' && !e.isComposing && e.target instanceof HTMLInputElement && e.target.form === f) intent(null);
  }, { capture: true });
  on(eventRoot, 'submit', (/** @type {SubmitEvent} */ e) => {
    const f = form();
    if (!f || e.target !== f) return;
    touched = true;
    flush();
    if (isCurrent()) {
      markInvalid(!!input.validationMessage);
      return;
    }
    // Not final for this value: nobody else hears this submit; it is sent again once the verdict is in.
    e.preventDefault();
    e.stopImmediatePropagation();
    hold(f, /** @type {Submitter | null} */ (e.submitter));
  }, { capture: true });
  on(eventRoot, 'reset', (e) => {
    if (e.target !== form()) return;
    setTimeout(() => {
      touched = false;
      reserved = 0;
      details.style.minHeight = '';
      delete root.dataset.reserved;
      check();
    }, 0);
  }, { capture: true });

  // ---- a confirm field: no meter of its own, one breach request ----
  let confirmCount = 0;
  const confirmNotes = o.confirm.map((c) => {
    // Always there and empty when all is well: a live region that is hidden
    // and then shown is often not spoken.
    const note = el('p', 'passmeter-confirm', { id: `${id}-confirm-${confirmCount++}`, 'aria-live': 'polite' });
    c.insertAdjacentElement('afterend', note);
    const prev = c.getAttribute('aria-describedby');
    c.setAttribute('aria-describedby', [prev, note.id].filter(Boolean).join(' '));
    let left = false;
    const update = () => {
      const mismatch = c.value !== '' && c.value !== input.value;
      const msg = mismatch ? t('mismatch') : '';
      if (o.validity) c.setCustomValidity(msg);
      const shown = left && mismatch ? msg : '';
      if (note.textContent !== shown) note.textContent = shown;
      if (left && mismatch) c.setAttribute('aria-invalid', 'true');
      else c.removeAttribute('aria-invalid');
    };
    on(c, 'input', update);
    on(c, 'change', update);
    on(c, 'blur', () => { left = true; update(); });
    on(input, 'input', update);
    on(input, 'change', update);
    update();
    return { c, note, prev, update };
  });

  /** @type {import('./passmeter').Controller} */
  const controller = {
    input,
    element: root,
    get response() {
      return currentResponse();
    },
    check: () => localeReady.then(() => upToDate()).then(() => currentResponse()),
    detach() {
      if (listening.signal.aborted) return;
      listening.abort();
      clearInterval(poll);
      seq = applied = Infinity; // ignore answers still on their way
      breach = { value: null, state: '', outcome: '', promise: null };
      clearBreachTimer();
      if (settleTimer) clearTimeout(settleTimer);
      root.remove();
      if (before.describedby === null) input.removeAttribute('aria-describedby');
      else input.setAttribute('aria-describedby', before.describedby);
      if (before.invalid === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', before.invalid);
      if (o.validity) input.setCustomValidity('');
      for (const { c, note, prev } of confirmNotes) {
        note.remove();
        if (prev === null) c.removeAttribute('aria-describedby');
        else c.setAttribute('aria-describedby', prev);
        c.removeAttribute('aria-invalid');
        if (o.validity) c.setCustomValidity('');
      }
      if (controllers.get(input) === controller) controllers.delete(input);
    },
  };
  controllers.set(input, controller);
  check();
  // A locale is a file of its own (i18n/index.js): once it is here, the
  // widget shows it.
  const localeReady = ensureLocale(o.locale).then(() => {
    if (!listening.signal.aborted) render(true);
  });
  return controller;
}

/**
 * @param {import('./passmeter').Passmeter | PendingSource} source
 * @returns {source is import('./passmeter').Passmeter}
 */
function isAPI(source) {
  return typeof (/** @type {{strengthCheck?: unknown}} */ (source)).strengthCheck === 'function';
}

/**
 * The verdict shown (kept in attach()'s closure only). kind 'engine' has
 * the engine's response; 'toolong' the limit it said.
 * @typedef {{value: string, kind: 'empty', response?: import('./passmeter').StrengthResponse}
 *   | {value: string, kind: 'pending', response?: undefined}
 *   | {value: string, kind: 'engine', response: import('./passmeter').StrengthResponse}
 *   | {value: string, kind: 'toolong', limit: number, response?: undefined}
 *   | {value: string, kind: 'fallback', slow?: boolean, response?: undefined}} Scored
 */

/**
 * A breach check: of which value, how far ('due' | 'running' | 'done'), its answer.
 * @typedef {object} BreachRecord
 * @property {string | null} value
 * @property {'' | 'due' | 'running' | 'done'} state
 * @property {import('./passmeter').BreachCheck | ''} outcome
 * @property {Promise<void> | null} promise
 */

/**
 * What the widget shows, from the state.
 * @typedef {object} View
 * @property {string} state
 * @property {number} score
 * @property {number} filled
 * @property {string} label
 * @property {string} valuetext
 * @property {string} message
 * @property {string} warn
 * @property {string[]} tips
 * @property {string} note
 * @property {string} noteState
 * @property {string} error
 * @property {string} say
 * @property {boolean} [fallback]
 */

/** @typedef {HTMLButtonElement | HTMLInputElement} Submitter */

/**
 * @typedef {object} PendingSource
 * @property {Promise<import('./passmeter').Passmeter>} ready
 * @property {string} [locale]
 * @property {boolean} [breachCheckEnabled]
 * @property {() => void} [start]
 */

/**
 * The LUDS policy's requirements as lines to show.
 * @param {import('./passmeter').LudsRequirements} lr
 * @param {import('./i18n/index.js').Translator} t
 * @returns {string[]}
 */
function ludsLines(lr, t) {
  const lines = [];
  if (lr.missing_characters > 0) {
    lines.push(lr.missing_characters === 1 ? t('ludsLength1') : t('ludsLength', { n: lr.missing_characters }));
  }
  if (lr.missing_complexity > 0) {
    const kinds = [];
    if (!lr.has_lower_case) kinds.push(t('lower'));
    if (!lr.has_upper_case) kinds.push(t('upper'));
    if (!lr.has_digit) kinds.push(t('digit'));
    if (!lr.has_symbol) kinds.push(t('symbol'));
    const list = kinds.length > 1 ? kinds.slice(0, -1).join(t('listSep')) + t('or') + kinds[kinds.length - 1] : kinds.join('');
    const n = lr.missing_complexity;
    lines.push(n === 1 ? t('ludsKinds1', { kinds: list }) : t('ludsKinds', { n, kinds: list }));
  }
  return lines;
}

/** The ui text of each blocklist reason of the nist policy. */
const NIST_REASONS = { common: 'nistCommon', context: 'nistContext', predicted: 'nistPredicted' };

/**
 * The nist policy's requirements as lines to show: the length, then why
 * the password is on the blocklist.
 * @param {import('./passmeter').NistRequirements} nr
 * @param {import('./i18n/index.js').Translator} t
 * @returns {string[]}
 */
function nistLines(nr, t) {
  const lines = [];
  if (nr.missing_characters > 0) lines.push(t('nistLength', { min: nr.min_length, n: nr.missing_characters }));
  if (nr.blocklisted) lines.push(t(nr.blocklist_reason ? NIST_REASONS[nr.blocklist_reason] : 'tooWeak'));
  return lines;
}
