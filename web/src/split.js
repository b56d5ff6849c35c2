// Starting the module while its word lists still download. passmeter.wasm
// ends with the lists' text, and its first section, "passmeter.split"
// (scripts/wasmshrink/split.go), says where: the bytes before the text,
// with a few patched, are the module without it, which is compiled and
// started at once; the text is written into linear memory as it arrives,
// and the module indexes it as it comes (passmeter_words, wasm/exports.go).
// The file is also the whole module, so anything this code does not
// recognise is compiled whole, as any other loader would.

const SPLIT = 'passmeter.split';

/**
 * Where the text goes and the head's patches ([offset, ...bytes]).
 * @typedef {{head: number, text: number, at: number, length: number, patches: number[][]}} Plan
 */

/**
 * The text of one start: its address and length in linear memory, and the
 * pieces as they arrive, in order.
 */
export class TextFeed {
  /**
   * @param {number} at
   * @param {number} length
   */
  constructor(at, length) {
    this.at = at;
    this.length = length;
    this.received = 0;
    /** @type {Uint8Array[]} pieces not yet handed to the sink */
    this.held = [];
    /** @type {((piece: Uint8Array) => void) | null} */
    this.sink = null;
    /** @type {(v?: void) => void} */
    let ok = () => {};
    /** @type {(err: Error) => void} */
    let fail = () => {};
    /** Settles when every byte is in (and handed to the sink), or the download fails. */
    this.whole = new Promise((resolve, reject) => { ok = resolve; fail = reject; });
    this.whole.catch(() => {}); // whoever drains awaits it
    this.ok = ok;
    this.fail = fail;
  }

  /** @param {Uint8Array} piece the next bytes */
  push(piece) {
    this.received += piece.length;
    if (this.received > this.length) {
      this.fail(new Error('the module\'s word lists are longer than it says'));
      return;
    }
    if (this.sink) this.sink(piece);
    else this.held.push(piece);
    if (this.received === this.length && this.sink) this.ok();
  }

  /**
   * Hands every piece, those held and those to come, to sink in order.
   * @param {(piece: Uint8Array) => void} sink
   */
  drain(sink) {
    this.sink = sink;
    for (const piece of this.held) sink(piece);
    this.held = [];
    if (this.received === this.length) this.ok();
    return this.whole;
  }
}

/**
 * Reads an LEB128 u32 at b[i]: [value, next index], or null past the end.
 * @param {Uint8Array} b
 * @param {number} i
 * @returns {[number, number] | null}
 */
function leb(b, i) {
  let v = 0;
  for (let shift = 0; shift < 35; shift += 7, i++) {
    if (i >= b.length) return null;
    v += (b[i] & 0x7f) * 2 ** shift;
    if (b[i] < 0x80) return [v, i + 1];
  }
  return [NaN, i];
}

/**
 * The plan in the file's first bytes: undefined while more bytes are
 * needed to tell, null for a file without a plan this code understands.
 * @param {Uint8Array} b
 * @returns {Plan | null | undefined}
 */
export function readPlan(b) {
  if (b.length < 9) return undefined;
  if (b[0] !== 0 || b[1] !== 0x61 || b[2] !== 0x73 || b[3] !== 0x6d || b[4] !== 1 || b[8] !== 0) return null;
  const size = leb(b, 9);
  if (!size) return undefined;
  const end = size[1] + size[0];
  if (end > 4096) return null;
  if (b.length < end) return undefined;
  const name = leb(b, size[1]);
  if (!name || name[1] + name[0] > end) return null;
  if (new TextDecoder().decode(b.subarray(name[1], name[1] + name[0])) !== SPLIT) return null;
  let plan;
  try {
    plan = JSON.parse(new TextDecoder().decode(b.subarray(name[1] + name[0], end)));
  } catch {
    return null;
  }
  const n = (/** @type {unknown} */ v) => Number.isSafeInteger(v) && /** @type {number} */ (v) >= 0;
  if (!plan || plan.v !== 1 || !n(plan.head) || !n(plan.text) || !n(plan.at) || !n(plan.length) ||
      plan.head < end || plan.head > plan.text || !Array.isArray(plan.patches) ||
      !plan.patches.every((/** @type {unknown} */ p) => Array.isArray(p) && p.every(n) && p[0] + p.length - 1 <= plan.head)) {
    return null;
  }
  return plan;
}

/**
 * Splits a download of passmeter.wasm as it streams: head is the module to
 * compile (the whole file when it has no plan), and text resolves, once
 * the plan is read, to the feed of its word lists (null: none, the head is
 * the whole module). A failed download errors head and fails the feed.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {{head: ReadableStream<Uint8Array>, text: Promise<TextFeed | null>}}
 */
export function splitDownload(body) {
  /** @type {ReadableStreamDefaultController<Uint8Array>} */
  let head = /** @type {any} */ (null); // set at once by start()
  const headStream = new ReadableStream({ start(c) { head = c; } });
  /** @type {(feed: TextFeed | null) => void} */
  let settle = () => {};
  const text = new Promise((resolve) => { settle = resolve; });

  (async () => {
    const reader = body.getReader();
    /** @type {Plan | null | undefined} */
    let plan;
    /** @type {TextFeed | null} */
    let feed = null;
    let pos = 0; // the file offset of the next byte
    let headOpen = true;
    let held = new Uint8Array(0);
    /** @param {Uint8Array} chunk the bytes from pos on */
    const route = (chunk) => {
      const end = pos + chunk.length;
      if (!plan) {
        head.enqueue(chunk);
      } else {
        if (pos < plan.head) {
          const part = chunk.subarray(0, Math.min(chunk.length, plan.head - pos));
          for (const [at, ...bytes] of plan.patches) {
            bytes.forEach((v, k) => {
              if (at + k >= pos && at + k < pos + part.length) part[at + k - pos] = v;
            });
          }
          head.enqueue(part);
          if (end >= plan.head) {
            head.close();
            headOpen = false;
          }
        }
        if (end > plan.text && feed) feed.push(chunk.subarray(Math.max(0, plan.text - pos)));
      }
      pos = end;
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (plan !== undefined) {
          route(value);
          continue;
        }
        const all = new Uint8Array(held.length + value.length);
        all.set(held);
        all.set(value, held.length);
        held = all;
        plan = readPlan(held);
        if (plan === undefined) continue;
        feed = plan ? new TextFeed(plan.at, plan.length) : null;
        settle(feed);
        route(held);
      }
      if (plan === undefined) {
        settle(null);
        head.enqueue(held); // too short to be a module: the compiler says so
      }
      if (feed && feed.received < feed.length) throw new Error('the download of the module ended early');
      if (headOpen) head.close();
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      if (headOpen) head.error(e);
      settle(null);
      if (feed) feed.fail(e);
    }
  })();
  return { head: headStream, text };
}

/**
 * Writes the feed's text into the started module's memory as it arrives,
 * telling the module after each piece; resolves once it is all in.
 * @param {WebAssembly.Instance} instance
 * @param {TextFeed} feed
 */
export function writeText(instance, feed) {
  const ex = instance.exports;
  const indexText = /** @type {(n: number) => number} */ (ex.passmeter_words);
  const mem = /** @type {WebAssembly.Memory} */ (ex.mem);
  if (typeof indexText !== 'function' || !(mem instanceof WebAssembly.Memory)) {
    return Promise.reject(new Error('the module takes no word lists (passmeter_words is missing)'));
  }
  let written = 0;
  return feed.drain((piece) => {
    // a fresh view each time: memory that grows detaches the old buffer
    new Uint8Array(mem.buffer, feed.at + written, piece.length).set(piece);
    written += piece.length;
    indexText(written);
  });
}
