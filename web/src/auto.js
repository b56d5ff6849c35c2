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

import { controllerOf } from './attach.js';

export const AUTO_SELECTOR = 'input[data-passmeter]:not([data-passmeter="off"]):not([data-passmeter="false"])';
const CONFIRM_SELECTOR = 'input[data-passmeter-confirm]';

let observer = null;
/** @type {any} the API, or a source that becomes one (see attach.js) */
let autoAPI = null;
/** @type {WeakSet<HTMLInputElement>} */
const auto = new WeakSet();
/** @type {WeakSet<ShadowRoot>} */
const watchedRoots = new WeakSet();

const isOn = (input) => input.matches(AUTO_SELECTOR) && !input.hasAttribute('data-passmeter-confirm');

/** The confirm fields in input's tree that name input. */
function confirmsOf(input) {
  const root = input.getRootNode();
  return [...root.querySelectorAll(CONFIRM_SELECTOR)].filter((c) => {
    try {
      return root.querySelector(c.dataset.passmeterConfirm) === input;
    } catch {
      return false;
    }
  });
}

function attachOne(input, again = false) {
  if (!isOn(input)) return;
  if (controllerOf(input) && !(again && auto.has(input))) return;
  try {
    const confirm = confirmsOf(input);
    autoAPI.attach(input, confirm.length ? { confirm } : {});
    auto.add(input);
  } catch (err) {
    console.error(`passmeter: cannot attach to an input: ${err.message}`);
  }
}

/** A confirm field appeared: its password field is attached again, with it. */
function pairConfirm(confirm) {
  const root = confirm.getRootNode();
  let pw = null;
  try {
    pw = root.querySelector(confirm.dataset.passmeterConfirm);
  } catch {
    return;
  }
  if (pw instanceof HTMLInputElement && auto.has(pw)) attachOne(pw, true);
}

function watchRoot(shadow) {
  if (!observer || watchedRoots.has(shadow)) return;
  watchedRoots.add(shadow);
  observer.observe(shadow, OBSERVE);
}

function scan(node) {
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  if (node.nodeType === 1 && node.matches(AUTO_SELECTOR)) attachOne(node);
  node.querySelectorAll(AUTO_SELECTOR).forEach((i) => attachOne(i));
  node.querySelectorAll(CONFIRM_SELECTOR).forEach(pairConfirm);
  // open shadow roots, here and below
  const hosts = node.nodeType === 1 && node.shadowRoot ? [node] : [];
  node.querySelectorAll('*').forEach((e) => e.shadowRoot && hosts.push(e));
  for (const h of hosts) {
    watchRoot(h.shadowRoot);
    scan(h.shadowRoot);
  }
}

function drop(node) {
  const inputs = node.matches && node.matches('input') ? [node] : node.querySelectorAll ? [...node.querySelectorAll('input')] : [];
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
  attributeFilter: ['data-passmeter', 'data-passmeter-confirm', 'data-passmeter-inputs', 'data-passmeter-policy',
    'data-passmeter-min-length', 'data-passmeter-min-complexity', 'data-passmeter-target', 'data-passmeter-locale',
    'data-passmeter-breach'],
};

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
 * @param {any} api the API, or {ready, locale, breachCheckEnabled, start} (see attach.js)
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
