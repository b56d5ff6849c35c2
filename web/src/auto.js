// <input type="password" data-passmeter>: attached when load() runs, and
// later ones as they are added to the page (MutationObserver). Removing
// an input from the page detaches it.

import { controllerOf } from './attach.js';

export const AUTO_SELECTOR = 'input[data-passmeter]:not([data-passmeter="off"]):not([data-passmeter="false"])';

let observer = null;
let autoAPI = null;
/** @type {WeakSet<HTMLInputElement>} */
const auto = new WeakSet();

function attachOne(input) {
  if (controllerOf(input)) return;
  try {
    autoAPI.attach(input);
    auto.add(input);
  } catch (err) {
    console.error(`passmeter: cannot attach to an input: ${err.message}`);
  }
}

function scan(node) {
  if (node.matches && node.matches(AUTO_SELECTOR)) attachOne(node);
  if (node.querySelectorAll) node.querySelectorAll(AUTO_SELECTOR).forEach(attachOne);
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

/**
 * Attaches the API to every data-passmeter input, now and later. The first
 * API given is the one used.
 * @param {import('./passmeter').Passmeter} api
 */
export function autoAttach(api) {
  if (typeof document === 'undefined') return;
  autoAPI ??= api;
  scan(document);
  if (observer || typeof MutationObserver !== 'function') return;
  observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => n.nodeType === 1 && scan(n));
      r.removedNodes.forEach((n) => n.nodeType === 1 && drop(n));
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
