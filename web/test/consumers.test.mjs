// The npm package as its users get it: each folder of test/consumers is a
// small app (Vite, Vite + React, webpack, Parcel, Next.js, esbuild, Rollup)
// that installs the packed tarball (npm pack), is built with the pinned
// tool versions of its package-lock.json, served on 127.0.0.1 and opened in
// headless Chromium, which must really score passwords: the page's answers
// are compared with the same package's answers under Node. Each page runs
// consumers/app.js: the README's two lines, load() then strengthCheck, with
// the default worker and with ?worker=0.
//
// The consumers' node_modules are cached outside the clone (by the hash of
// their package.json and lock), in $PASSMETER_CONSUMER_CACHE or
// ~/.cache/passmeter/consumers, so a second run installs only the tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawn, execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launch } from './helpers.mjs';
import { startServer } from '../../scripts/serve-demo.mjs';

const run = promisify(execFile);
const WEB = fileURLToPath(new URL('..', import.meta.url));
const CONSUMERS = join(WEB, 'test', 'consumers');
const CACHE = process.env.PASSMETER_CONSUMER_CACHE || join(homedir(), '.cache', 'passmeter', 'consumers');
const NPM_FLAGS = ['--no-audit', '--no-fund', '--loglevel=error'];

let tarball;
let tmp;
let browser;
const node = await import(new URL('../dist/passmeter.mjs', import.meta.url).href);
const pm = await node.load();

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'passmeter-consumers-'));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: WEB });
  tarball = join(tmp, stdout.trim().split('\n').pop());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

const exists = (p) => stat(p).then(() => true, () => false);

/**
 * The consumer project name, ready to build: its locked dependencies
 * (cached), its sources and app.js copied in afresh, and the tarball
 * installed with npm. Returns its folder.
 */
async function project(name) {
  const src = join(CONSUMERS, name);
  const pkg = await readFile(join(src, 'package.json'));
  const lock = await readFile(join(src, 'package-lock.json'));
  const hash = createHash('sha256').update(pkg).update(lock).digest('hex').slice(0, 12);
  const dir = join(CACHE, `${name}-${hash}`);
  if (!(await exists(join(dir, 'node_modules', '.package-lock.json')))) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await cp(join(src, 'package.json'), join(dir, 'package.json'));
    await cp(join(src, 'package-lock.json'), join(dir, 'package-lock.json'));
    await run('npm', ['ci', ...NPM_FLAGS], { cwd: dir, maxBuffer: 1 << 26 });
  }
  for (const entry of await readdir(src, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('package')) continue;
    await rm(join(dir, entry.name), { recursive: true, force: true });
    await cp(join(src, entry.name), join(dir, entry.name), { recursive: true });
  }
  await cp(join(CONSUMERS, 'app.js'), join(dir, (await exists(join(src, 'app'))) ? 'app' : 'src', 'app.js'));
  for (const stale of ['dist', '.next', '.parcel-cache', 'node_modules/.vite', 'node_modules/passmeter']) {
    await rm(join(dir, stale), { recursive: true, force: true });
  }
  await run('npm', ['install', '--no-save', ...NPM_FLAGS, tarball], { cwd: dir });
  return dir;
}

/** npm run script in dir; a failure shows the tool's output. */
async function npmRun(dir, script) {
  const r = await run('npm', ['run', '--silent', script], { cwd: dir, maxBuffer: 1 << 26 }).catch((e) => e);
  assert.equal(r.code ?? 0, 0, `npm run ${script} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server (npx args... in dir), waits until url answers and
 * returns a stop function that ends its whole process group.
 */
async function serve(dir, args, url) {
  const child = spawn('npx', args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try { process.kill(-child.pid, 'SIGTERM'); } catch { resolve(); }
  });
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited:\n${log}`);
    const up = await fetch(url).then((r) => r.status < 500, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${args.join(' ')} did not answer at ${url}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return stop;
}

/**
 * Opens url and checks the page scored app.js's passwords as Node does,
 * on the thread expected.
 */
async function check(url, thread) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => {
      const out = document.getElementById('out');
      return out && out.textContent !== 'loading';
    }, null, { timeout: 90000 });
    const got = JSON.parse(await page.locator('#out').textContent());
    assert.equal(got.error, undefined, `${url}: ${got.error}\n${problems.join('\n')}`);
    assert.equal(got.thread, thread, url);
    assert.equal(got.results.length, 4);
    for (const r of got.results) {
      const want = pm.strengthCheckSync({ password: r.password, reference_year: 2024 });
      assert.deepEqual(r, { password: r.password, score: want.score, guesses: want.guesses, warning: want.feedback.warning }, url);
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

/** Both threads: the default (the worker) and ?worker=0. */
async function checkBoth(base) {
  await check(base, 'worker');
  await check(`${base}?worker=0`, 'main');
}

/** A static server for a build's output: the demo's strict CSP unless csp is false. */
async function staticSite(root, csp) {
  const site = await startServer({ root, ...(csp === false ? { csp: false } : {}) });
  return site;
}

test('Vite 8: vite dev, then vite build + vite preview', async () => {
  const dir = await project('vite');
  let port = await freePort();
  let stop = await serve(dir, ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], `http://127.0.0.1:${port}/`);
  try {
    await checkBoth(`http://127.0.0.1:${port}/`);
  } finally {
    await stop();
  }
  await npmRun(dir, 'build');
  port = await freePort();
  stop = await serve(dir, ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], `http://127.0.0.1:${port}/`);
  try {
    await checkBoth(`http://127.0.0.1:${port}/`);
  } finally {
    await stop();
  }
});

/**
 * passmeter/react in the page at url: typing updates the meter (one, in
 * StrictMode) and the hook, and unmounting takes the meter away.
 */
async function checkReact(url) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  try {
    await page.goto(url);
    await page.waitForSelector('.passmeter');
    assert.equal(await page.locator('.passmeter').count(), 1, 'StrictMode mounts twice and leaves one meter');
    const meter = () => page.evaluate(() => {
      const m = /** @type {HTMLElement} */ (document.querySelector('.passmeter'));
      return { state: m.dataset.state, score: m.dataset.score, role: m.querySelector('[role=meter]')?.getAttribute('aria-valuenow') };
    });
    for (const [password, score] of [['password', 0], ['correct horse battery staple gallon', 4]]) {
      await page.fill('#pw', password);
      await page.waitForFunction((s) => document.getElementById('hook').textContent === `score ${s}`, score);
      await page.waitForFunction((s) => document.querySelector('.passmeter')?.getAttribute('data-score') === String(s), score);
      const m = await meter();
      assert.equal(m.role, String(score));
      assert.equal(m.state, score >= 3 ? 'valid' : 'invalid');
    }
    await page.click('#unmount');
    assert.equal(await page.locator('.passmeter').count(), 0, 'unmounting removes the meter');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
}

test('Vite 8 + React 19 (StrictMode): build + preview, and dev; passmeter/react', async () => {
  const dir = await project('vite-react');
  await npmRun(dir, 'build');
  let port = await freePort();
  let stop = await serve(dir, ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], `http://127.0.0.1:${port}/`);
  try {
    await checkBoth(`http://127.0.0.1:${port}/`);
    await checkReact(`http://127.0.0.1:${port}/?meter=1`);
  } finally {
    await stop();
  }
  port = await freePort();
  stop = await serve(dir, ['vite', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], `http://127.0.0.1:${port}/`);
  try {
    await check(`http://127.0.0.1:${port}/`, 'worker');
    await checkReact(`http://127.0.0.1:${port}/?meter=1`);
  } finally {
    await stop();
  }
});

test('webpack 5, zero configuration, under the strict CSP', async () => {
  const dir = await project('webpack');
  await npmRun(dir, 'build');
  await cp(join(dir, 'public', 'index.html'), join(dir, 'dist', 'index.html'));
  const site = await staticSite(join(dir, 'dist'));
  try {
    await checkBoth(site.url);
  } finally {
    await site.close();
  }
});

test('Parcel 2', async () => {
  const dir = await project('parcel');
  await npmRun(dir, 'build');
  // Parcel's own loader is an inline script: no script-src 'self' CSP here.
  const site = await staticSite(join(dir, 'dist'), false);
  try {
    await checkBoth(site.url);
  } finally {
    await site.close();
  }
});

test('Next.js 16 app router: next build + next start (server-rendered on each request, with passmeter/react), and next dev', async () => {
  const dir = await project('next');
  await npmRun(dir, 'build');
  let port = await freePort();
  let stop = await serve(dir, ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], `http://127.0.0.1:${port}/`);
  try {
    const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    assert.match(html, /<pre id="out">loading<\/pre>/, 'the server render');
    await checkBoth(`http://127.0.0.1:${port}/`);
    const meterHTML = await (await fetch(`http://127.0.0.1:${port}/meter`)).text();
    assert.match(meterHTML, /data-passmeter-react/, 'passmeter/react rendered on the server');
    await checkReact(`http://127.0.0.1:${port}/meter`);
  } finally {
    await stop();
  }
  port = await freePort();
  stop = await serve(dir, ['next', 'dev', '-H', '127.0.0.1', '-p', String(port)], `http://127.0.0.1:${port}/`);
  try {
    await checkBoth(`http://127.0.0.1:${port}/`);
  } finally {
    await stop();
  }
});

test('esbuild with passmeter/plugins: ES module and classic script', async () => {
  const dir = await project('esbuild');
  await npmRun(dir, 'build');
  const site = await staticSite(join(dir, 'dist'));
  try {
    await checkBoth(`${site.url}esm/`);
    await checkBoth(`${site.url}iife/`);
  } finally {
    await site.close();
  }
});

test('Rollup with node-resolve and passmeter/plugins: ES module and classic script', async () => {
  const dir = await project('rollup');
  await npmRun(dir, 'build');
  for (const f of ['es', 'iife']) await cp(join(dir, 'src', `index-${f}.html`), join(dir, 'dist', f, 'index.html'));
  const site = await staticSite(join(dir, 'dist'));
  try {
    await checkBoth(`${site.url}es/`);
    await checkBoth(`${site.url}iife/`);
  } finally {
    await site.close();
  }
});

test('TypeScript consumers: Node-only, DOM with exactOptionalPropertyTypes, CommonJS (.cts, node16)', async () => {
  const dir = await project('types');
  for (const config of ['tsconfig.node.json', 'tsconfig.dom.json', 'tsconfig.cjs.json']) {
    const r = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { cwd: dir }).catch((e) => e);
    assert.equal(r.code ?? 0, 0, `${config}:\n${r.stdout}${r.stderr}`);
  }
});

test('require("passmeter") under Node, from the installed tarball', async () => {
  const dir = await project('types');
  const script = "const { load } = require('passmeter'); load().then((pm) => console.log(pm.strengthCheckSync({ password: 'Tr0ub4dour&3', reference_year: 2024 }).score))";
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir });
  assert.equal(stdout.trim(), String(pm.strengthCheckSync({ password: 'Tr0ub4dour&3', reference_year: 2024 }).score));
});

test('publint and arethetypeswrong find nothing; the tarball holds the licences', async () => {
  const r = await run('npm', ['run', '--silent', 'lint:package'], { cwd: WEB, maxBuffer: 1 << 24 }).catch((e) => e);
  assert.equal(r.code ?? 0, 0, `${r.stdout}${r.stderr}`);
  const { stdout } = await run('tar', ['-xzOf', tarball, 'package/LICENSE']);
  assert.match(stdout, /the passmeter authors/);
  assert.match(stdout, /Dan Wheeler and Dropbox, Inc\./);
  assert.match(stdout, /The Go Authors/);
});
