// The module started before its word lists are in (src/split.js): the
// download of dist/passmeter.wasm cut as it streams, in pieces of every
// size, and a start under Node over HTTP that is held before the last
// bytes and must already answer "loading".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readPlan, splitDownload } from '../src/split.js';
import { YEAR } from './helpers.mjs';

const dist = new URL('../dist/', import.meta.url);
const file = new Uint8Array(await readFile(new URL('passmeter.wasm', dist)));
const plan = readPlan(file);

/** The head as the plan describes it, written plainly: the file before the text, patched. */
function expectedHead(bytes, p) {
  const head = bytes.slice(0, p.head);
  for (const [at, ...patch] of p.patches) head.set(patch, at);
  return head;
}

/** A stream of bytes in pieces of the sizes next() gives, then an optional error. */
function streamOf(bytes, next, { fail } = {}) {
  let pos = 0;
  return new ReadableStream({
    pull(c) {
      if (pos >= bytes.length) {
        if (fail) c.error(fail);
        else c.close();
        return;
      }
      const n = Math.min(next(pos), bytes.length - pos);
      c.enqueue(bytes.slice(pos, pos + n)); // a copy, as a network read gives
      pos += n;
    },
  });
}

async function all(stream) {
  const parts = [];
  for await (const p of stream) parts.push(p);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Splits bytes streamed in next()'s sizes: the head, the feed and the text it gave. */
async function split(bytes, next, options) {
  const { head, text } = splitDownload(streamOf(bytes, next, options));
  const [headBytes, feed] = await Promise.all([all(head), text]);
  const pieces = [];
  const drained = feed ? feed.drain((p) => pieces.push(p.slice())) : null;
  return { headBytes, feed, drained, pieces };
}

test('the build writes the plan: the text ends the file, and the head is a module', () => {
  assert.ok(plan, 'dist/passmeter.wasm has no passmeter.split section');
  assert.equal(plan.v, 1);
  assert.equal(plan.text + plan.length, file.length);
  assert.ok(plan.head < plan.text && plan.length > 700_000);
  // the text is the lists', a word and a space at a time
  const text = new TextDecoder().decode(file.subarray(plan.text));
  assert.match(text, /^[^ ]+ [^ ]+ /);
  assert.ok(text.endsWith(' ') && text.includes(' password '));
  const head = expectedHead(file, plan);
  assert.ok(WebAssembly.validate(head), 'the head does not validate');
  const names = (m) => WebAssembly.Module.exports(m).map((e) => e.name).sort();
  assert.deepEqual(names(new WebAssembly.Module(head)), names(new WebAssembly.Module(file)));
  assert.ok(names(new WebAssembly.Module(head)).includes('passmeter_words'));
});

test('readPlan needs the first section whole, and tells a file without a plan', () => {
  assert.equal(readPlan(file.subarray(0, 20)), undefined);
  assert.equal(readPlan(file.subarray(0, 40)), undefined);
  assert.deepEqual(readPlan(file.subarray(0, plan.head)), plan);
  const noPlan = withoutPlan(file);
  assert.ok(WebAssembly.validate(noPlan));
  assert.equal(readPlan(noPlan), null);
  assert.equal(readPlan(new TextEncoder().encode('<!doctype html><html><body>not found</body></html>')), null);
});

/** The file with its first section (the plan) left out: a module as any build without the split writes it. */
function withoutPlan(bytes) {
  let i = 9;
  let size = 0;
  for (let shift = 0; ; shift += 7) {
    const c = bytes[i++];
    size += (c & 0x7f) * 2 ** shift;
    if (c < 0x80) break;
  }
  const out = new Uint8Array(bytes.length - (i + size - 8));
  out.set(bytes.subarray(0, 8));
  out.set(bytes.subarray(i + size), 8);
  return out;
}

test('the download is cut the same whatever the size of its pieces', async () => {
  const want = expectedHead(file, plan);
  const text = file.subarray(plan.text);
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return 1 + (seed % 70000);
  };
  const sizes = {
    'one byte, then 64 KiB': (pos) => (pos < 40_000 ? 1 : 65536),
    '7 bytes': () => 7,
    '4 KiB': () => 4096,
    '64 KiB': () => 65536,
    random,
    'the head and the text in one piece each': (pos) => (pos < plan.text ? plan.text : file.length),
    whole: () => file.length,
  };
  for (const [name, next] of Object.entries(sizes)) {
    const { headBytes, drained, pieces } = await split(file, next);
    assert.deepEqual(headBytes, want, `${name}: the head`);
    await drained;
    assert.deepEqual(await all(streamOf(Buffer.concat(pieces), () => 1 << 30)), text, `${name}: the text`);
  }
});

test('a module without a plan streams to the compiler whole, with no text', async () => {
  const noPlan = withoutPlan(file);
  const { headBytes, feed } = await split(noPlan, () => 30000);
  assert.equal(feed, null);
  assert.deepEqual(headBytes, noPlan);
  // and so does a file too short to be a module: the compiler says what it is
  const short = await split(file.subarray(0, 5), () => 5);
  assert.equal(short.feed, null);
  assert.equal(short.headBytes.length, 5);
});

test('a download that ends early or fails fails the start; one that runs long too', async () => {
  // ends inside the text: the head is whole, the text never is
  const cut = await split(file.subarray(0, plan.text + 1000), () => 65536);
  assert.deepEqual(cut.headBytes, expectedHead(file, plan));
  await assert.rejects(cut.drained, /ended early/);
  // ends inside the head: the head stream errors
  const { head, text } = splitDownload(streamOf(file.subarray(0, plan.head - 10), () => 65536));
  await assert.rejects(all(head), /ended early/);
  await assert.rejects((await text).drain(() => {}), /ended early/);
  // the network fails mid-text
  const failed = await split(file.subarray(0, plan.text + 5000), () => 65536, { fail: new TypeError('network error') });
  await assert.rejects(failed.drained, /network error/);
  // bytes past the text's length would run past it in memory
  const long = new Uint8Array(file.length + 1);
  long.set(file);
  long[file.length] = 0x20;
  await assert.rejects((await split(long, () => 65536)).drained, /longer than it says/);
});

/** A server of the module that sends all but its last held bytes, then waits for release(); cut ends the response there instead. */
async function moduleServer({ held = 4096, cut = false } = {}) {
  let release = () => {};
  const released = new Promise((r) => { release = r; });
  const server = createServer(async (req, res) => {
    if (req.url !== '/passmeter.wasm') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/wasm', 'Content-Length': file.length });
    for (let at = 0; at < file.length - held; at += 65536) res.write(file.subarray(at, Math.min(at + 65536, file.length - held)));
    await released;
    if (cut) res.destroy();
    else res.end(file.subarray(file.length - held));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/passmeter.wasm`, release, close: () => server.close() };
}

async function globalsAppear() {
  const t0 = Date.now();
  while (typeof globalThis.strengthCheck !== 'function') {
    if (Date.now() - t0 > 30000) assert.fail('the module did not start before the last bytes of its lists');
    await new Promise((r) => setTimeout(r, 5));
  }
}

// A download that breaks off inside the text, after the module has
// started: load() fails, the started program's globals are taken away, and
// the next load() starts afresh (the test below).
test('a download cut off inside the lists fails load(), and the next load() starts afresh', async () => {
  const pm = await import(new URL('passmeter.mjs', dist).href);
  const broken = await moduleServer({ cut: true });
  try {
    const started = pm.load({ wasmURL: broken.url, referenceYear: YEAR, warmUp: false });
    await globalsAppear();
    broken.release();
    await assert.rejects(started, (err) => {
      assert.equal(err.part, 'module');
      assert.match(err.message, /passmeter\.load: could not start/);
      return true;
    });
    assert.equal(typeof globalThis.strengthCheck, 'undefined');
    assert.equal(typeof globalThis.securityLevel, 'undefined');
  } finally {
    broken.release();
    broken.close();
  }
});

// The shim under Node, over HTTP: the server sends all but the last bytes
// of the text and waits until the module's globals exist, so a shim that
// waited for the whole file would never get them; meanwhile a call is
// answered "loading". Its answers then equal the whole module's (a child
// process that starts it from the file, whole).
test('load() over HTTP starts the module before the lists are in, and answers as the whole module does', async () => {
  const server = await moduleServer();
  try {
    const pm = await import(new URL('passmeter.mjs', dist).href);
    const started = pm.load({ wasmURL: server.url, referenceYear: YEAR, warmUp: false });
    await globalsAppear();
    const early = globalThis.strengthCheck({ password: 'Tr0ub4dour&3' });
    assert.equal(early.status_code, 503);
    assert.match(early.error_message, /word lists are still loading/);
    server.release();
    const api = await started;
    const passwords = ['Tr0ub4dour&3', 'correct horse battery staple', 'geekboy', 'mercede1', 'iloveyou2019', 'Ελλάδα4@', 'jordan.example'];
    const got = passwords.map((password) => strip(api.strengthCheckSync({ password, user_inputs: ['jordan'] })));
    const whole = spawnSync(process.execPath, ['--input-type=module', '-e', `
      const pm = await import(${JSON.stringify(new URL('passmeter.mjs', dist).href)});
      const api = await pm.load({ referenceYear: ${YEAR}, warmUp: false });
      console.log(JSON.stringify(${JSON.stringify(passwords)}.map((password) => api.strengthCheckSync({ password, user_inputs: ['jordan'] }))));
      process.exit(0);`], { encoding: 'utf8', cwd: fileURLToPath(dist) });
    assert.equal(whole.status, 0, whole.stderr);
    assert.deepEqual(got, JSON.parse(whole.stdout).map(strip));
  } finally {
    server.release();
    server.close();
  }
});

const strip = ({ request_id: _, calc_time_ms: __, ...rest }) => rest;
