// <input type="password" data-passmeter>: attached when auto-attach starts,
// and later ones as they appear: added to the page, given the attribute
// afterwards (or a changed data-passmeter-* option: attached again), or
// inside an open shadow root (one there at the time, or added with its
// host). Removing an input, or setting data-passmeter="off", detaches it.
// Closed shadow roots cannot be seen from outside: call attach() there.
//
// <input type="password" data-passmeter-confirm="#password"> is the
// confirm field of #password: no meter of its own and no breach request,
// only "the passwords do not match" on it.

import { controllerOf, ATTACH_ATTRIBUTES } from './attach.js';

export const AUTO_SELECTOR = 'input[data-passmeter]:not([data-passmeter="off"]):not([data-passmeter="false"])';
const CONFIRM_SELECTOR = 'input[data-passmeter-confirm]';

/** @type {MutationObserver | null} */
let observer = null;
/** @typedef {{attach: (input: HTMLInputElement, options?: import('./passmeter').AttachOptions) => unknown}} Attacher */
/** @type {Attacher | null} the API, or a source that becomes one (see attach.js) */
let autoAPI = null;
/** @type {WeakSet<HTMLInputElement>} */
const auto = new WeakSet();
/** @type {WeakSet<ShadowRoot>} */
const watchedRoots = new WeakSet();

const isOn = (/** @type {HTMLInputElement} */ input) => input.matches(AUTO_SELECTOR) && !input.hasAttribute('data-passmeter-confirm');

/**
 * The confirm fields in input's tree that name input.
 * @param {HTMLInputElement} input
 */
function confirmsOf(input) {
  const root = /** @type {Document | ShadowRoot} */ (input.getRootNode());
  return [...root.querySelectorAll(/** @type {'input'} */ (CONFIRM_SELECTOR))].filter((c) => {
    try {
      return root.querySelector(/** @type {string} */ (c.dataset.passmeterConfirm)) === input;
    } catch {
      return false;
    }
  });
}

/**
 * @param {HTMLInputElement} input
 * @param {boolean} [again] attached by auto-attach before: attach again (a changed option)
 */
function attachOne(input, again = false) {
  if (!isOn(input)) return;
  if (controllerOf(input) && !(again && auto.has(input))) return;
  try {
    const confirm = confirmsOf(input);
    /** @type {Attacher} */ (autoAPI).attach(input, confirm.length ? { confirm } : {});
    auto.add(input);
  } catch (err) {
    console.error(`passmeter: cannot attach to an input: ${/** @type {Error} */ (err).message}`);
  }
}

/**
 * A confirm field appeared: its password field is attached again, with it.
 * @param {HTMLInputElement} confirm
 */
function pairConfirm(confirm) {
  const root = /** @type {Document | ShadowRoot} */ (confirm.getRootNode());
  let pw = null;
  try {
    pw = root.querySelector(/** @type {string} */ (confirm.dataset.passmeterConfirm));
  } catch {
    return;
  }
  if (pw instanceof HTMLInputElement && auto.has(pw)) attachOne(pw, true);
}

/** @param {ShadowRoot} shadow */
function watchRoot(shadow) {
  if (!observer || watchedRoots.has(shadow)) return;
  watchedRoots.add(shadow);
  observer.observe(shadow, OBSERVE);
}

/**
 * Attaches in node and the open shadow roots below it.
 * @param {Node} node
 */
function scan(node) {
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  // by nodeType, not instanceof: a node adopted from a frame keeps that frame's prototypes
  const parent = /** @type {Element | Document | DocumentFragment} */ (node);
  const element = node.nodeType === 1 ? /** @type {Element} */ (node) : null;
  if (element && element.matches(AUTO_SELECTOR)) attachOne(/** @type {HTMLInputElement} */ (element));
  parent.querySelectorAll(/** @type {'input'} */ (AUTO_SELECTOR)).forEach((i) => attachOne(i));
  parent.querySelectorAll(/** @type {'input'} */ (CONFIRM_SELECTOR)).forEach(pairConfirm);
  // open shadow roots, here and below
  /** @type {Element[]} */
  const hosts = element && element.shadowRoot ? [element] : [];
  parent.querySelectorAll('*').forEach((e) => e.shadowRoot && hosts.push(e));
  for (const h of hosts) {
    const shadow = /** @type {ShadowRoot} */ (h.shadowRoot);
    watchRoot(shadow);
    scan(shadow);
  }
}

/**
 * Detaches the inputs in node that left the page.
 * @param {Node} node
 */
function drop(node) {
  const e = /** @type {Partial<Element>} */ (node);
  const inputs = e.matches && e.matches('input') ? [/** @type {HTMLInputElement} */ (node)]
    : e.querySelectorAll ? [.../** @type {Element} */ (node).querySelectorAll('input')] : [];
  for (const input of inputs) {
    if (!input.isConnected && auto.has(input)) {
      auto.delete(input);
      controllerOf(input)?.detach();
    }
  }
}

const OBSERVE = {
  childList: true,
  subtree: true,
  attributes: true,
  // a changed option attaches again: each attribute attach() reads (ATTACH_OPTIONS)
  attributeFilter: ['data-passmeter', 'data-passmeter-confirm', ...ATTACH_ATTRIBUTES],
};

/** @param {Node} input */
function attributeChanged(input) {
  if (!(input instanceof HTMLInputElement)) return;
  if (isOn(input)) attachOne(input, true);
  else if (auto.has(input)) {
    auto.delete(input);
    controllerOf(input)?.detach();
  }
  if (input.hasAttribute('data-passmeter-confirm')) pairConfirm(input);
}

/**
 * Attaches the API to every data-passmeter input, now and later. The first
 * API (or pending source) given is the one used.
 * @param {Attacher} api the API, or {ready, locale, breachCheckEnabled, start, attach} (see attach.js and early.js)
 */
export function autoAttach(api) {
  if (typeof document === 'undefined') return;
  autoAPI ??= api;
  if (!observer && typeof MutationObserver === 'function') {
    observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') attributeChanged(r.target);
        else {
          r.addedNodes.forEach((n) => n.nodeType === 1 && scan(n));
          r.removedNodes.forEach((n) => n.nodeType === 1 && drop(n));
        }
      }
    });
    observer.observe(document.documentElement, OBSERVE);
  }
  scan(document);
}
