// Option tables: load() and attach() each describe their options once (the
// check, the default, the data-passmeter-* attribute that may give it) and
// read them here, refusing unknown keys with the nearest known one named.

/**
 * One option of a table. The value read is the caller's, else the
 * data-passmeter-<attr> attribute's (attach), else default(ctx); check
 * turns it into what the option holds, or throws.
 * @template C the context a table's defaults and checks need
 * @typedef {object} Option
 * @property {string} [attr] the data-passmeter-* attribute (kebab case, after "data-passmeter-")
 * @property {(s: string) => unknown} [parse] turns the attribute's text into the option's value
 * @property {string[]} [attrs] other data-passmeter-* attributes its check reads
 * @property {(ctx: C) => unknown} [default]
 * @property {(value: unknown, field: string, ctx: C) => unknown} check
 */

/**
 * The known word closest to word by edit distance, ignoring case; '' when
 * none is close.
 * @param {string} word
 * @param {readonly string[]} known
 * @returns {string}
 */
export function nearest(word, known) {
  /** @type {(a: string, b: string) => number} */
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

/**
 * The TypeError for an unknown key: `passmeter.attach: unknown option
 * "wasmUrl"; did you mean "wasmURL"?`.
 * @param {string} op "load", "attach"
 * @param {string} prefix "" or the path of the object holding the key ("hibp.")
 * @param {string} key
 * @param {readonly string[]} known
 * @param {string} [hint] said instead of the nearest key
 * @returns {TypeError}
 */
export function unknownOption(op, prefix, key, known, hint) {
  const near = nearest(key, known);
  const more = hint ? `; ${hint}` : near ? `; did you mean "${prefix}${near}"?` : '';
  return new TypeError(`passmeter.${op}: unknown option "${prefix}${key}"${more}`);
}

/**
 * Refuses the keys of object not in known, naming the nearest known one.
 * @param {string} op
 * @param {string} prefix
 * @param {object} object
 * @param {readonly string[]} known
 */
export function onlyKnown(op, prefix, object, known) {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw unknownOption(op, prefix, key, known);
  }
}

/**
 * The data-passmeter-<attr> attribute's value from a dataset.
 * @param {DOMStringMap | undefined} dataset
 * @param {string} attr kebab case: "min-length"
 * @returns {string | undefined}
 */
export function fromAttribute(dataset, attr) {
  if (!dataset) return undefined;
  const key = 'passmeter' + attr.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
  return dataset[key];
}

/**
 * The data-passmeter-* attributes a table reads, as attribute names.
 * @param {Record<string, Option<any>>} table
 * @returns {string[]}
 */
export function attributesOf(table) {
  return Object.values(table).flatMap((o) => [...(o.attr ? [o.attr] : []), ...(o.attrs || [])]).map((a) => `data-passmeter-${a}`);
}

/**
 * Reads options through a table: unknown keys refused, each option from
 * the call, the attribute or its default, then checked.
 * @template C
 * @template {Record<string, Option<C>>} T
 * @param {string} op
 * @param {T} table
 * @param {unknown} options
 * @param {C} ctx
 * @param {{prefix?: string, dataset?: DOMStringMap}} [how] prefix: the path of a nested
 *   table ("hibp."); dataset: where data-passmeter-* attributes are read from
 * @returns {{[K in keyof T]: ReturnType<T[K]['check']>}}
 */
export function readTable(op, table, options, ctx, how = {}) {
  const { prefix = '', dataset } = how;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`passmeter.${op}: ${prefix ? prefix.slice(0, -1) : 'options'}: must be an object`);
  }
  const known = Object.keys(table);
  onlyKnown(op, prefix, options, known);
  const given = /** @type {Record<string, unknown>} */ (options);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [name, spec] of Object.entries(table)) {
    let value = given[name];
    if (value === undefined && spec.attr) {
      const text = fromAttribute(dataset, spec.attr);
      value = text !== undefined && spec.parse ? spec.parse(text) : text;
    }
    if (value === undefined && spec.default) value = spec.default(ctx);
    out[name] = spec.check(value, prefix + name, ctx);
  }
  return /** @type {{[K in keyof T]: ReturnType<T[K]['check']>}} */ (out);
}
