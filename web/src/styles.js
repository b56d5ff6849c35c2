// passmeter.css inside a shadow root: the document's styles do not reach
// into one, so attach() brings them along. The sheet is taken from the
// document's own copy of passmeter.css when it can be read (one parse,
// shared by every root, no flash of unstyled meter), else a <link> to the
// package's passmeter.css is put in the root.

import { packageURL } from './base.js';

/** @type {WeakSet<ShadowRoot>} */
const styled = new WeakSet();
/** @type {CSSStyleSheet | null | undefined} */
let shared;

const MARK = '.passmeter-meter';

/** @param {CSSStyleSheet} sheet */
function hasOurRules(sheet) {
  try {
    return [...sheet.cssRules].some((r) => {
      const selector = /** @type {Partial<CSSStyleRule>} */ (r).selectorText; // style rules have one
      return typeof selector === 'string' && selector.includes(MARK);
    });
  } catch {
    return false; // another origin's sheet, unreadable
  }
}

/** The document's passmeter.css as a constructable sheet, or null. */
function documentSheet() {
  if (shared !== undefined) return shared;
  shared = null;
  if (typeof CSSStyleSheet !== 'function' || !('replaceSync' in CSSStyleSheet.prototype)) return shared;
  for (const sheet of document.styleSheets) {
    if (!hasOurRules(sheet)) continue;
    const copy = new CSSStyleSheet();
    copy.replaceSync([...sheet.cssRules].map((r) => r.cssText).join('\n'));
    shared = copy;
    break;
  }
  return shared;
}

/**
 * Makes passmeter's styles apply inside root, once.
 * @param {ShadowRoot} root
 * @param {CSSStyleSheet | string | false} [given] a sheet, a URL of one, or false for none
 */
export function adoptStyles(root, given) {
  if (given === false || styled.has(root)) return;
  styled.add(root);
  const own = [...root.styleSheets, ...(root.adoptedStyleSheets || [])];
  if (given === undefined && own.some(hasOurRules)) return; // the root brought them itself
  if (typeof CSSStyleSheet === 'function' && given instanceof CSSStyleSheet) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, given];
    return;
  }
  const sheet = typeof given === 'string' ? null : documentSheet();
  if (sheet && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = typeof given === 'string' ? given : packageURL('passmeter.css');
  root.prepend(link);
}
