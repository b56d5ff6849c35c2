// Live feedback on a password input: a meter, the warning and suggestions,
// a polite live region that speaks only when the level changes, the
// browser's own validation (setCustomValidity), a passmeter:change event,
// and the breach check off the typing path (after a pause, on blur, on
// submit). detach() takes every listener and element back out.
//
// The password is read from input.value when needed and handed to the
// engine; it is never written to the DOM, the console or storage.

import { translator } from './i18n/index.js';
import { applyBreach } from './hibp.js';

/** @type {WeakMap<HTMLInputElement, import('./passmeter').Controller>} */
const controllers = new WeakMap();
let nextID = 0;

/** The controller attached to an input, if any. */
export function controllerOf(input) {
  return controllers.get(input);
}

const DEFAULT_BREACH_DELAY_MS = 1200;

function fail(field, message) {
  return new TypeError(`passmeter.attach: ${field}: ${message}`);
}

function resolveElement(field, value) {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') {
    const el = document.querySelector(value);
    if (!el) throw fail(field, `no element matches ${value}`);
    return el;
  }
  if (value instanceof Element) return value;
  throw fail(field, 'must be an element or a selector');
}

function resolveElements(field, value) {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string') return [...document.querySelectorAll(value)];
  if (value instanceof Element) return [value];
  if (typeof value[Symbol.iterator] === 'function') {
    return [...value].map((v) => {
      if (!(v instanceof Element)) throw fail(field, 'must hold elements');
      return v;
    });
  }
  throw fail(field, 'must be a selector, an element or a list of elements');
}

function int(field, value) {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isInteger(n)) throw fail(field, 'must be an integer');
  return n;
}

/** Options from the call, with the input's data-passmeter-* attributes as defaults. */
function readOptions(api, input, options) {
  if (options === null || typeof options !== 'object') throw fail('options', 'must be an object');
  const d = input.dataset;
  const o = { ...options };
  const policy = o.policy ?? d.passmeterPolicy ?? 'zxcvbn';
  if (policy !== 'zxcvbn' && policy !== 'luds') throw fail('policy', `must be "zxcvbn" or "luds", got ${String(policy)}`);
  const luds = o.luds ?? {};
  if (luds === null || typeof luds !== 'object') throw fail('luds', 'must be an object');
  const minLength = int('luds.min_length', luds.min_length ?? luds.minLength ?? d.passmeterMinLength);
  const minComplexity = int('luds.min_complexity', luds.min_complexity ?? luds.minComplexity ?? d.passmeterMinComplexity);
  const userInputs = o.userInputs ?? [];
  if (typeof userInputs !== 'function' && !(Array.isArray(userInputs) && userInputs.every((s) => typeof s === 'string'))) {
    throw fail('userInputs', 'must be an array of strings or a function returning one');
  }
  const breachAttr = d.passmeterBreach;
  const breach = o.breach ?? (breachAttr === undefined ? api.breachCheckEnabled : breachAttr !== 'off' && breachAttr !== 'false');
  if (typeof breach !== 'boolean') throw fail('breach', 'must be a boolean');
  const breachDelayMs = o.breachDelayMs ?? DEFAULT_BREACH_DELAY_MS;
  if (typeof breachDelayMs !== 'number' || !(breachDelayMs >= 0)) throw fail('breachDelayMs', 'must be a number of milliseconds');
  const validity = o.validity ?? true;
  if (typeof validity !== 'boolean') throw fail('validity', 'must be a boolean');
  if (o.messages !== undefined && (o.messages === null || typeof o.messages !== 'object')) throw fail('messages', 'must be an object');
  return {
    policy,
    luds: minLength === undefined && minComplexity === undefined ? undefined
      : { ...(minLength !== undefined && { min_length: minLength }), ...(minComplexity !== undefined && { min_complexity: minComplexity }) },
    fields: resolveElements('inputs', o.inputs ?? d.passmeterInputs).filter((f) => f !== input),
    userInputs,
    target: resolveElement('target', o.target ?? d.passmeterTarget),
    t: translator(o.locale ?? d.passmeterLocale ?? api.locale, o.messages),
    breach,
    breachDelayMs,
    validity,
  };
}

function el(tag, className, attrs = {}) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** The words of a field's value, for user_inputs: the whole and its parts. */
function words(value) {
  const v = value.trim();
  if (!v) return [];
  const parts = v.split(/\s+/);
  return parts.length > 1 ? [v, ...parts] : [v];
}

/**
 * Attaches live feedback to a password input.
 * @param {import('./passmeter').Passmeter} api
 * @param {HTMLInputElement} input
 * @param {import('./passmeter').AttachOptions} [options]
 * @returns {import('./passmeter').Controller}
 */
export function attach(api, input, options = {}) {
  if (typeof HTMLInputElement === 'undefined' || !(input instanceof HTMLInputElement)) {
    throw fail('input', 'must be an <input> element');
  }
  const o = readOptions(api, input, options);
  controllers.get(input)?.detach();
  const t = o.t;
  const id = `passmeter-${++nextID}`;
  const listening = new AbortController();
  const on = (target, type, fn, opts = {}) => target.addEventListener(type, fn, { ...opts, signal: listening.signal });

  // ---- the elements ----
  const root = el('div', 'passmeter', { 'data-state': 'empty', 'data-score': '0' });
  const row = el('div', 'passmeter-row');
  const meter = el('div', 'passmeter-meter', {
    role: 'meter',
    'aria-label': t('strength'),
    'aria-valuemin': '0',
    'aria-valuemax': '4',
    'aria-valuenow': '0',
    'aria-valuetext': t('empty'),
  });
  for (let i = 0; i < 4; i++) meter.append(el('span', 'passmeter-segment'));
  const level = el('span', 'passmeter-level', { id: `${id}-level`, 'aria-hidden': 'true' });
  row.append(meter, level);
  const details = el('div', 'passmeter-details', { id: `${id}-details` });
  const warning = el('p', 'passmeter-warning');
  const suggestions = el('ul', 'passmeter-suggestions');
  const breachNote = el('p', 'passmeter-breach');
  warning.hidden = suggestions.hidden = breachNote.hidden = true;
  details.append(warning, suggestions, breachNote);
  const live = el('div', 'passmeter-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
  root.append(row, details, live);
  if (o.target) o.target.append(root);
  else input.insertAdjacentElement('afterend', root);

  const before = {
    describedby: input.getAttribute('aria-describedby'),
    invalid: input.getAttribute('aria-invalid'),
  };
  input.setAttribute('aria-describedby', [before.describedby, details.id].filter(Boolean).join(' '));

  // ---- the state ----
  let seq = 0; // the newest check started
  let applied = 0; // the newest check shown
  let response = null; // the response shown
  let breachState = null; // null | 'pending' | 'running' | 'done', for the shown response
  let breachTimer = 0;
  let spoken = '';

  const request = (password) => {
    const req = { password, strength_policy: o.policy };
    if (o.luds) req.luds = o.luds;
    const user = [];
    let email = '';
    for (const f of o.fields) {
      const v = typeof f.value === 'string' ? f.value : f.textContent || '';
      if (!email && f.type === 'email' && v.trim()) email = v.trim();
      else user.push(...words(v));
    }
    const extra = typeof o.userInputs === 'function' ? o.userInputs() : o.userInputs;
    if (Array.isArray(extra)) user.push(...extra.filter((s) => typeof s === 'string' && s));
    if (user.length) req.user_inputs = user;
    if (email) req.email = email;
    return req;
  };

  const render = (res, empty) => {
    const score = empty ? 0 : res.score;
    const valid = res.valid_password;
    root.dataset.state = empty ? 'empty' : valid ? 'valid' : 'invalid';
    root.dataset.score = String(score);
    root.dataset.filled = String(empty ? 0 : Math.max(1, score));
    const label = empty ? t('empty') : t(`level${score}`);
    meter.setAttribute('aria-valuenow', String(score));
    meter.setAttribute('aria-valuetext', label);
    level.textContent = empty ? '' : label;

    // warning and suggestions, in the locale, by code
    let warn = '';
    let tips = [];
    if (!empty) {
      const fb = res.feedback;
      const lr = fb.luds_requirements;
      if (res.strength_policy === 'luds' && lr) {
        tips = ludsLines(lr, t);
      } else {
        const codes = fb.codes || { warning: '', suggestions: [] };
        warn = codes.warning ? t(codes.warning, undefined, fb.warning) : fb.warning;
        tips = fb.suggestions.map((s, i) => (codes.suggestions[i] ? t(codes.suggestions[i], undefined, s) : s));
      }
    }
    warning.textContent = warn;
    warning.hidden = !warn;
    suggestions.replaceChildren(...tips.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
    suggestions.hidden = tips.length === 0;

    // the breach check
    let note = '';
    breachNote.dataset.state = '';
    if (!empty && (breachState === 'pending' || breachState === 'running')) note = t('breachChecking');
    else if (!empty && res.breach_check && res.breach_check !== 'skipped') {
      breachNote.dataset.state = res.breach_check;
      note = { ok: t('breachOk'), breached: t('breached'), unavailable: t('breachUnavailable') }[res.breach_check] || '';
    }
    breachNote.textContent = note;
    breachNote.hidden = !note;

    // the browser's validation
    let message = '';
    if (!empty && !valid) {
      if (res.breached_password) message = t('breached');
      else if (res.strength_policy === 'luds' && res.feedback.luds_requirements) message = tips.join(' ') || t('tooWeak');
      else message = warn ? `${t('tooWeak')} ${warn}.` : t('tooWeak');
    }
    if (o.validity) input.setCustomValidity(message);
    if (message) input.setAttribute('aria-invalid', 'true');
    else if (before.invalid === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', before.invalid);

    // speak only when the level (or the breach verdict) changes
    const say = empty ? '' : res.breached_password ? t('breached') : t('announce', { level: label });
    if (say !== spoken) {
      spoken = say;
      live.textContent = say;
    }
  };

  const show = (res, empty) => {
    response = res;
    render(res, empty);
    input.dispatchEvent(new CustomEvent('passmeter:change', { detail: res, bubbles: true }));
  };

  const clearBreachTimer = () => {
    if (breachTimer) clearTimeout(breachTimer);
    breachTimer = 0;
  };

  const runBreach = () => {
    clearBreachTimer();
    const my = seq;
    if (breachState !== 'pending' || applied !== my) return;
    breachState = 'running';
    api.breachCheck(input.value).then(
      (outcome) => {
        if (applied !== my || seq !== my) return; // the text changed meanwhile
        breachState = 'done';
        show(applyBreach(response, outcome), false);
      },
      () => {
        if (applied !== my || seq !== my) return;
        breachState = 'done';
        show(applyBreach(response, 'unavailable'), false);
      },
    );
  };

  const check = () => {
    const my = ++seq;
    clearBreachTimer();
    const password = input.value;
    return api.strengthCheck(request(password)).then(
      (res) => {
        if (my <= applied) return; // a newer answer is already shown
        applied = my;
        // A password good enough to keep gets the breach check: its line
        // shows at once, so nothing moves when the check starts on blur.
        const wanted = o.breach && res.valid_password && password !== '' && my === seq;
        breachState = wanted ? 'pending' : null;
        show(res, password === '');
        // Typing goes on in a focused input: wait for a pause. Otherwise
        // (blurred while this answer was on its way, autofilled) check now.
        if (wanted) breachTimer = setTimeout(runBreach, input.ownerDocument.activeElement === input ? o.breachDelayMs : 0);
      },
      (err) => {
        // Too long, or the module stopped: say so without the password.
        if (my <= applied) return;
        applied = my;
        if (o.validity) input.setCustomValidity(err instanceof TypeError ? err.message.replace(/^passmeter\.\w+: /, '') : '');
        input.dispatchEvent(new CustomEvent('passmeter:error', { detail: { message: err.message }, bubbles: true }));
      },
    );
  };

  on(input, 'input', check);
  on(input, 'blur', runBreach);
  for (const f of o.fields) on(f, 'input', check);
  if (input.form) {
    on(input.form, 'submit', runBreach, { capture: true });
    on(input.form, 'reset', () => setTimeout(check, 0));
  }

  /** @type {import('./passmeter').Controller} */
  const controller = {
    input,
    element: root,
    get response() {
      return response;
    },
    check: () => check().then(() => response),
    detach() {
      if (listening.signal.aborted) return;
      listening.abort();
      seq = applied = Infinity; // ignore answers still on their way
      clearBreachTimer();
      root.remove();
      if (before.describedby === null) input.removeAttribute('aria-describedby');
      else input.setAttribute('aria-describedby', before.describedby);
      if (before.invalid === null) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', before.invalid);
      if (o.validity) input.setCustomValidity('');
      if (controllers.get(input) === controller) controllers.delete(input);
    },
  };
  controllers.set(input, controller);
  check();
  return controller;
}

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
