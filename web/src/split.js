// Starting the module while its word lists still download. passmeter.wasm
// ends with the lists' text, and its first section, "passmeter.split"
// (scripts/wasmshrink/split.go), says where: the bytes before the text,
// with a few patched, are the module without it, which is compiled and
// started at once; the text is written into linear memory as it arrives,
// and the module indexes it as it comes (passmeter_words, wasm/exports.go).
// The file is also the whole module, so a file without the section is
// compiled whole, as any other loader would.

/**
 * Where the head ends and the text starts in the file, where the text
 * goes in memory, and the head's patches ([offset, ...bytes]).
 * @typedef {{head: number, text: number, at: number, length: number, patches: number[][]}} Plan
 */

/**
 * The text of one start: its place in linear memory, and its pieces as
 * they arrive, in order, for one sink.
 * @typedef {object} TextFeed
 * @property {number} at
 * @property {number} length
 * @property {(piece: Uint8Array) => void} push
 * @property {(err: Error) => void} fail
 * @property {(sink: (piece: Uint8Array) => void) => Promise<void>} drain hands every piece, held or to come, to sink;
 *   settles once the text is all in, or the download fails
 */

/**
 * @param {number} at
 * @param {number} length
 * @returns {TextFeed}
 */
export function textFeed(at, length) {
  let received = 0;
  /** @type {Uint8Array[]} */
  let held = [];
  /** @type {((piece: Uint8Array) => void) | null} */
  let sink = null;
  /** @type {() => void} */
  let ok = () => {};
  /** @type {(err: Error) => void} */
  let fail = () => {};
  /** @type {Promise<void>} */
  const whole = new Promise((resolve, reject) => { ok = resolve; fail = reject; });
  whole.catch(() => {}); // the sink's owner awaits it
  const done = () => { if (sink && received === length) ok(); };
  return {
    at,
    length,
    fail,
    push(piece) {
      received += piece.length;
      if (received > length) return fail(new Error('the module\'s word lists are longer than it says'));
      if (sink) sink(piece);
      else held.push(piece);
      done();
    },
    drain(s) {
      sink = s;
      held.forEach(s);
      held = [];
      done();
      return whole;
    },
  };
}

/**
 * The plan at the file's start: undefined while more bytes are needed to
 * tell, null for a file without one.
 * @param {Uint8Array} b
 * @returns {Plan | null | undefined}
 */
export function readPlan(b) {
  if (b.length < 30) return undefined;
  // the first section: id 0, a 5-byte size, the name's length and the name
  if (b[8] || String.fromCharCode(...b.subarray(14, 30)) !== '\x0fpassmeter.split') return null;
  let size = 0;
  for (let k = 13; k > 8; k--) size = size * 128 + (b[k] & 127);
  if (b.length < 14 + size) return undefined;
  try {
    const plan = JSON.parse(String.fromCharCode(...b.subarray(30, 14 + size)));
    if (plan.v === 1) return plan;
  } catch { /* not ours: compiled whole */ }
  return null;
}

/**
 * Splits a download of passmeter.wasm as it streams: head is the module to
 * compile (the whole file when it has no plan), and text resolves, once
 * the plan is read, to the feed of its word lists (null: none). A failed
 * download errors head and fails the feed.
 * @param {ReadableStream<Uint8Array>} body
 * @returns {{head: ReadableStream<Uint8Array>, text: Promise<TextFeed | null>}}
 */
export function splitDownload(body) {
  /** @type {ReadableStreamDefaultController<Uint8Array>} */
  let head = /** @type {any} */ (null); // set at once by start()
  const headStream = new ReadableStream({ start(c) { head = c; } });
  /** @type {(feed: TextFeed | null) => void} */
  let settle = () => {};
  /** @type {Promise<TextFeed | null>} */
  const text = new Promise((resolve) => { settle = resolve; });
  (async () => {
    const reader = body.getReader();
    /** @type {Plan | null | undefined} */
    let plan;
    /** @type {TextFeed | null} */
    let feed = null;
    let pos = 0; // the file offset of the next byte
    let open = true;
    let held = new Uint8Array(0);
    /** @param {Uint8Array} chunk the file's bytes from pos on */
    const route = (chunk) => {
      const end = pos + chunk.length;
      if (!plan || !feed) {
        head.enqueue(chunk);
      } else {
        if (pos < plan.head) {
          const part = chunk.subarray(0, plan.head - pos);
          for (const [at, ...bytes] of plan.patches) {
            bytes.forEach((v, k) => { if (at + k >= pos && at + k < end) part[at + k - pos] = v; });
          }
          head.enqueue(part);
          if (end >= plan.head) {
            head.close();
            open = false;
          }
        }
        if (end > plan.text) feed.push(chunk.subarray(Math.max(0, plan.text - pos)));
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
        settle(feed = plan && textFeed(plan.at, plan.length));
        route(held);
      }
      if (plan === undefined) {
        settle(null);
        head.enqueue(held); // too short for a module: the compiler says so
      }
      if (feed && pos < /** @type {Plan} */ (plan).text + feed.length) throw new Error('the download of the module ended early');
      if (open) head.close();
    } catch (err) {
      // the network's TypeError, or the early end above
      const e = /** @type {Error} */ (err);
      if (open) head.error(e);
      settle(null);
      if (feed) feed.fail(e);
    }
  })();
  return { head: headStream, text };
}

/**
 * Writes the feed's text into the started module's memory as it arrives,
 * telling the module after each piece; settles once it is all in.
 * @param {WebAssembly.Instance} instance
 * @param {TextFeed} feed
 */
export function writeText(instance, feed) {
  // a module with a plan has the export (wasmshrink splits only ours)
  const ex = /** @type {{passmeter_words: (n: number) => number, mem: WebAssembly.Memory}} */ (/** @type {unknown} */ (instance.exports));
  let written = 0;
  return feed.drain((piece) => {
    // a fresh view each time: memory that grows detaches the old buffer
    new Uint8Array(ex.mem.buffer, feed.at + written, piece.length).set(piece);
    written += piece.length;
    ex.passmeter_words(written);
  });
}
