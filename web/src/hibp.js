// The Have I Been Pwned range check (k-anonymity): SHA-1 of the UTF-8
// password, GET {endpoint}/{first five hex digits} with Add-Padding: true,
// and look for the other 35 in the body. Only the five-character prefix
// leaves the page. A failure, a time-out or a body that is not a range
// response gives "unavailable", never a breach it did not see.

import { BREACH_OUTCOMES, DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, MAX_RANGE_BODY } from './breach.js';

// Go's defaults (core/hibp), generated into breach.js.
export { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS };

const LINE = /^([0-9A-Fa-f]{35}):([0-9]{1,19})$/;

/**
 * SHA-1 of the UTF-8 bytes of password, as 40 uppercase hex digits.
 * @param {string} password
 */
export async function sha1Hex(password) {
  const digest = await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(password));
  let hex = '';
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

/**
 * Parses a range response body: lines SUFFIX:COUNT ended by CRLF (or LF),
 * the last newline optional. Padding lines (count 0) are left out. Throws
 * a SyntaxError on anything else, naming the line.
 * @param {string} body
 * @returns {Map<string, number>} uppercase suffix -> count
 */
export function parseRange(body) {
  const found = new Map();
  if (body === '') return found;
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const m = LINE.exec(line);
    if (!m) throw new SyntaxError(`range response: line ${i + 1} is not SUFFIX:COUNT`);
    const count = Number(m[2]);
    const suffix = m[1].toUpperCase();
    if (count > 0 && !found.has(suffix)) found.set(suffix, count);
  });
  return found;
}

/**
 * @typedef {object} BreachResult
 * @property {'ok' | 'breached' | 'unavailable'} outcome
 * @property {number} count times seen; 0 unless breached
 */

/**
 * Makes a checker with its own per-prefix cache.
 * @param {{endpoint?: string, timeoutMs?: number, fetch?: typeof fetch}} [options]
 * @returns {(password: string) => Promise<BreachResult>}
 */
export function createBreachChecker(options = {}) {
  const endpoint = String(options.endpoint || DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch || ((...a) => globalThis.fetch(...a));
  /** @type {Map<string, Promise<Map<string, number>>>} */
  const cache = new Map();

  /** @param {string} prefix */
  const range = (prefix) => {
    let p = cache.get(prefix);
    if (!p) {
      p = fetchRange(doFetch, `${endpoint}/${prefix}`, timeoutMs);
      cache.set(prefix, p);
      // Failures are not kept: the next check asks again.
      p.catch(() => cache.get(prefix) === p && cache.delete(prefix));
    }
    return p;
  };

  return async function check(password) {
    let hash;
    try {
      hash = await sha1Hex(password);
    } catch {
      return { outcome: 'unavailable', count: 0 }; // no crypto.subtle (not a secure context)
    }
    try {
      const counts = await range(hash.slice(0, 5));
      const count = counts.get(hash.slice(5)) || 0;
      return count > 0 ? { outcome: 'breached', count } : { outcome: 'ok', count: 0 };
    } catch {
      return { outcome: 'unavailable', count: 0 };
    }
  };
}

/**
 * @param {typeof fetch} doFetch
 * @param {string} url
 * @param {number} timeoutMs
 * @returns {Promise<Map<string, number>>}
 */
async function fetchRange(doFetch, url, timeoutMs) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await doFetch(url, {
      method: 'GET',
      headers: { 'Add-Padding': 'true' },
      signal: abort.signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      mode: 'cors',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return parseRange(await readBody(res, abort));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, read as it streams in and abandoned (the request
 * aborted) once it is over MAX_RANGE_BODY bytes, as core/hibp counts it.
 * @param {Response} res
 * @param {AbortController} abort
 */
async function readBody(res, abort) {
  if (!res.body) return ''; // a response without a body
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.length;
    if (size > MAX_RANGE_BODY) {
      abort.abort();
      throw new Error('range response too large');
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Records a breach check's outcome on a response with the effects core's
 * ApplyBreach has (generated into breach.js): only a seen breach
 * invalidates the password.
 * @param {any} response
 * @param {'ok' | 'breached' | 'unavailable' | 'skipped'} outcome
 */
export function applyBreach(response, outcome) {
  const effects = Object.hasOwn(BREACH_OUTCOMES, outcome) && BREACH_OUTCOMES[outcome];
  if (!effects) throw new TypeError(`passmeter: unknown breach outcome ${String(outcome)}`);
  return { ...response, ...effects };
}
