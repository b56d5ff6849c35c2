// Calling the module through its wasm exports (wasm/exports.go) rather
// than its globals. A global is a js.FuncOf: each call wakes a goroutine
// through Go's scheduler and crosses back into JavaScript four times; the
// exports take the request's JSON in linear memory and leave the answer's
// there, one plain call each (under Node: about 1 µs against 23-36 µs for
// the crossing alone). The JSON in and out is the same text the globals
// make, so the answers are the same.

/** @typedef {'strengthCheck' | 'securityLevel'} Op */

/**
 * The module's exports (wasm/exports.go): where a request goes in, the
 * two calls, where the answer is, and the memory.
 * @typedef {object} ModuleExports
 * @property {(size: number) => number} passmeter_input
 * @property {(size: number, rule: number) => number} passmeter_strength
 * @property {(size: number) => number} passmeter_security
 * @property {() => number} passmeter_output
 * @property {WebAssembly.Memory} mem
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A synchronous caller over the instance's exports, or null when the
 * module has none (an older build): then the globals are the way in.
 * @param {WebAssembly.Instance | undefined} instance
 * @returns {((op: Op, request: unknown, rule?: number) => any) | null}
 */
export function exportsCaller(instance) {
  const found = instance && instance.exports;
  if (!found || typeof found.passmeter_strength !== 'function' || typeof found.passmeter_security !== 'function' ||
      typeof found.passmeter_input !== 'function' || typeof found.passmeter_output !== 'function' ||
      !(found.mem instanceof WebAssembly.Memory)) {
    return null;
  }
  const ex = /** @type {ModuleExports} */ (/** @type {unknown} */ (found));
  /** @type {Record<Op, (size: number, rule: number) => number>} */
  const run = { strengthCheck: ex.passmeter_strength, securityLevel: ex.passmeter_security };
  // rule: the breach rule's bits (breach.js), which passmeter_strength
  // takes after the length; 0 or none, no rule.
  return (op, request, rule = 0) => {
    let text;
    try {
      text = JSON.stringify(request, userInputsReplacer(request));
    } catch {
      text = undefined;
    }
    // What JSON.stringify refuses (a cycle, a BigInt, undefined) the global
    // reports, in its own words.
    if (typeof text !== 'string') return globalThis[op](request);
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const room = text.length * 3;
    const at = ex.passmeter_input(room) >>> 0; // i32 results come back signed
    // 0: more than the module takes; the global refuses it without
    // copying it into linear memory, which would stay grown.
    if (at === 0) return globalThis[op](request);
    // The buffer is read after each call: Go may have grown the memory.
    const { written } = encoder.encodeInto(text, new Uint8Array(ex.mem.buffer, at, room));
    const size = run[op](written, rule) >>> 0;
    return JSON.parse(decoder.decode(new Uint8Array(ex.mem.buffer, ex.passmeter_output() >>> 0, size)));
  };
}

/**
 * JSON cannot carry every user input as zxcvbn.js sees it: NaN and
 * ±Infinity would become null (zxcvbn keeps them, as "nan", "infinity"),
 * and an object JSON.stringify unwraps (new Number(1), a Date, anything
 * with toJSON) or a BigInt would become a value (zxcvbn skips every
 * object). So in user_inputs every number goes as its String() (which the
 * module does not carry: core/internal/userinput/number_js.go) and
 * any other non-primitive as null, which the module skips as it skips
 * objects; the globals (wasm/convert.go) do the same. Requests without
 * user_inputs get no replacer.
 * @param {unknown} request
 */
function userInputsReplacer(request) {
  const inputs = request !== null && typeof request === 'object' ? /** @type {any} */ (request).user_inputs : undefined;
  if (!Array.isArray(inputs)) return undefined;
  /**
   * @this {unknown} the object holding key
   * @param {string} key
   * @param {unknown} value
   */
  return function (key, value) {
    if (this !== inputs) return value;
    const raw = inputs[Number(key)];
    // a number goes as its String(), zxcvbn's toString (see core/internal/userinput/number_js.go)
    if (typeof raw === 'number') return String(raw);
    return typeof raw === 'string' || typeof raw === 'boolean' ? raw : null;
  };
}
