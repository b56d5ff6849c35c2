// Deployments of web/dist as they go right and wrong, in headless
// Chromium: the package on another origin (a CDN) with and without CORS,
// a Content-Security-Policy that blocks the worker, Trusted Types, and a
// server that answers HTML where the wasm or the worker should be. Each
// either scores (on the thread the fallback rules say) or fails with the
// error that names the part and the fix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT } from './helpers.mjs';
import { startServer } from '../../scripts/serve-demo.mjs';

const DIST = join(ROOT, 'web', 'dist');
const node = await import(new URL('../dist/passmeter.mjs', import.meta.url).href);
const want = (await node.load()).strengthCheckSync({ password: 'Tr0ub4dour&3', reference_year: 2024 });

// The page's own script: loads the package (the <script> global, or the
// ES module named by ?module=) and writes what happened into #out.
const APP = `
const out = document.getElementById('out');
const q = new URLSearchParams(location.search);
(async () => {
  try {
    const mod = q.get('module') ? await import(q.get('module')) : window.passmeter;
    const pm = await mod.load({ warmUp: false, autoAttach: false, hibp: { enabled: false } });
    const r = await pm.strengthCheck({ password: 'Tr0ub4dour&3', reference_year: 2024 });
    out.textContent = JSON.stringify({ thread: pm.thread, score: r.score, guesses: r.guesses });
  } catch (e) {
    out.textContent = JSON.stringify({ error: e.message, part: e.part });
  }
})();
`;

let browser;
let cdn; // web/dist on another origin, with CORS
let bare; // web/dist on another origin, without CORS
let site; // the page's origin
/** How the page's origin answers: the page's CSP, and paths that answer HTML. */
let page = { csp: '', html: [] };

before(async () => {
  browser = await launch();
  cdn = await startServer({ root: DIST, cors: true, csp: false });
  bare = await startServer({ root: DIST, csp: false });
  // localhost is another origin than 127.0.0.1, as a CDN is.
  for (const s of [cdn, bare]) s.url = s.url.replace('127.0.0.1', 'localhost');
  site = await startServer({
    root: DIST,
    csp: false,
    handle: async (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      const headers = page.csp ? { 'Content-Security-Policy': page.csp } : {};
      if (path === '/' || page.html.some((p) => path.endsWith(p))) {
        // a single-page app's server: every unknown path answers the page
        const q = new URL(req.url, 'http://x').searchParams;
        const src = q.get('script');
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
        if (q.get('widget')) {
          // a form as the README has it: the script tag attaches to the input by itself
          res.end(`<!doctype html><html lang="en"><body><form><input type="password" id="pw" data-passmeter></form><script src="${src}" defer></script></body></html>`);
          return true;
        }
        res.end(`<!doctype html><html><body><pre id="out">loading</pre>${src ? `<script src="${src}" data-auto="off"></script>` : ''}<script src="/app.js"></script></body></html>`);
        return true;
      }
      if (path === '/app.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript', ...headers });
        res.end(APP);
        return true;
      }
      return false;
    },
  });
});

after(async () => {
  await browser?.close();
  for (const s of [cdn, bare, site]) await s?.close();
});

async function open(query) {
  const p = await browser.context.newPage();
  try {
    await p.goto(`${site.url}?${query}`);
    await p.waitForFunction(() => document.getElementById('out')?.textContent !== 'loading', null, { timeout: 30000 });
    return JSON.parse(await p.locator('#out').textContent());
  } finally {
    await p.close();
  }
}

const scored = (got, thread) => {
  assert.equal(got.error, undefined, got.error);
  assert.deepEqual(got, { thread, score: want.score, guesses: want.guesses });
};

test('the <script> build from a CDN with CORS scores in a worker', async () => {
  page = { csp: '', html: [] };
  scored(await open(`script=${cdn.url}passmeter.js`), 'worker');
});

test('the ES module from a CDN with CORS scores in a worker', async () => {
  page = { csp: '', html: [] };
  scored(await open(`module=${cdn.url}passmeter.mjs`), 'worker');
});

test('a CSP whose worker-src leaves out blob: falls back to the main thread', async () => {
  page = { csp: `script-src 'self' ${cdn.url} 'wasm-unsafe-eval'; worker-src 'self'`, html: [] };
  scored(await open(`script=${cdn.url}passmeter.js`), 'main');
});

test('worker-src none on the same origin falls back to the main thread', async () => {
  page = { csp: "script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'", html: [] };
  scored(await open('script=/passmeter.js'), 'main');
});

test('Trusted Types: the "passmeter" policy starts the worker; without it, the main thread', async () => {
  page = { csp: "require-trusted-types-for 'script'; trusted-types passmeter", html: [] };
  scored(await open('script=/passmeter.js'), 'worker');
  page = { csp: "require-trusted-types-for 'script'; trusted-types other", html: [] };
  scored(await open('script=/passmeter.js'), 'main');
});

test('a CDN without CORS: the error names the wasm and CORS', async () => {
  page = { csp: '', html: [] };
  const got = await open(`script=${bare.url}passmeter.js`);
  assert.equal(got.part, 'wasm', got.error);
  assert.match(got.error, /passmeter\.wasm.*Access-Control-Allow-Origin/);
});

test('a CDN without CORS: the input shows that the checker could not start, and the minimum rule', async () => {
  page = { csp: '', html: [] };
  const p = await browser.context.newPage();
  try {
    await p.goto(`${site.url}?widget=1&script=${bare.url}passmeter.js`);
    await p.focus('#pw'); // the script tag starts the module when the user gets to the field
    await p.fill('#pw', 'abc');
    await p.waitForSelector('.passmeter[data-fallback][data-state="invalid"]', { timeout: 30000 });
    const shown = await p.locator('.passmeter').innerText();
    assert.match(shown, /could not start/i);
    assert.match(shown, /Access-Control-Allow-Origin/);
    assert.equal(await p.evaluate(() => document.getElementById('pw').validity.valid), false);
  } finally {
    await p.close();
  }
});

test('the wasm answered as an HTML page: the error says so', async () => {
  page = { csp: '', html: ['passmeter.wasm'] };
  const got = await open('script=/passmeter.js');
  assert.equal(got.part, 'wasm', got.error);
  assert.match(got.error, /passmeter\.wasm.*HTML page.*load\(\{wasmURL\}\)/);
});

test('the worker script answered as an HTML page: the main thread takes over', async () => {
  page = { csp: '', html: ['passmeter.worker.js'] };
  scored(await open('script=/passmeter.js'), 'main');
});

test('both the worker and the wasm answered as HTML: the error names both', async () => {
  page = { csp: '', html: ['passmeter.worker.js', 'passmeter.wasm'] };
  const got = await open('script=/passmeter.js');
  assert.equal(got.part, 'wasm', got.error);
  assert.match(got.error, /HTML page/);
  assert.match(got.error, /worker.*passmeter\.worker\.js/);
});

test('the CSP section of the README names every directive the package needs', async () => {
  const readme = await readFile(join(ROOT, 'web', 'README.md'), 'utf8');
  const csp = readme.slice(readme.indexOf('## Content Security Policy'));
  for (const d of ["'wasm-unsafe-eval'", 'worker-src', 'connect-src', 'trusted-types passmeter']) {
    assert.ok(csp.includes(d), `README's CSP section does not mention ${d}`);
  }
});
