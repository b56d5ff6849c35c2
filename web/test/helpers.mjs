// Shared by the web tests: the repo's static server, an HIBP stand-in,
// headless Debian Chromium through playwright-core, and a recorder of
// everything that leaves a page.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer, CSP } from '../../scripts/serve-demo.mjs';

export { CSP };
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const YEAR = 2024;

/** The repo root served on 127.0.0.1 under the strict CSP. */
export function serveRepo(options = {}) {
  return startServer({ root: ROOT, ...options });
}

export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'passmeter-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 820 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export function sha1(s) {
  return createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();
}

/**
 * An HIBP range API stand-in on 127.0.0.1. mode(prefix) picks the answer:
 * 'normal' (the known passwords, with padding), 'error' (500), 'hang'
 * (never answers), 'garbage' (a body that is not a range response).
 */
export async function startHibp({ breached = {} } = {}) {
  const requests = [];
  const state = { mode: 'normal' };
  const known = new Map(Object.entries(breached).map(([pw, n]) => [sha1(pw), n]));
  const hanging = new Set();
  const server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Add-Padding',
      'Access-Control-Allow-Methods': 'GET',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const m = /^\/range\/([0-9A-F]{5})$/.exec(req.url);
    requests.push({ url: req.url, padding: req.headers['add-padding'], mode: state.mode });
    if (!m) {
      res.writeHead(400, cors).end('The hash prefix was not in a valid format');
      return;
    }
    if (state.mode === 'error') {
      res.writeHead(500, cors).end('oops');
      return;
    }
    if (state.mode === 'hang') {
      hanging.add(res);
      return;
    }
    if (state.mode === 'garbage') {
      res.writeHead(200, { ...cors, 'Content-Type': 'text/plain' }).end('<html>not a range</html>\r\n');
      return;
    }
    const prefix = m[1];
    const lines = [];
    for (const [hash, n] of known) if (hash.startsWith(prefix)) lines.push(`${hash.slice(5)}:${n}`);
    // Padding: made-up suffixes with count 0, and the real suffix of every
    // clean password listed in paddingFor, also with count 0.
    for (let i = 0; i < 20; i++) lines.push(`${sha1(`pad${prefix}${i}`).slice(5)}:0`);
    for (const pw of state.paddingFor || []) {
      const h = sha1(pw);
      if (h.startsWith(prefix)) lines.push(`${h.slice(5)}:0`);
    }
    res.writeHead(200, { ...cors, 'Content-Type': 'text/plain' }).end(lines.join('\r\n'));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}/range`,
    requests,
    state,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Records every request, console message and page error of a page. */
export function record(page) {
  const log = { requests: [], console: [], errors: [] };
  page.on('request', (r) => log.requests.push({ url: r.url(), method: r.method(), headers: r.headers(), body: r.postData() }));
  page.on('console', (m) => log.console.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  return log;
}

/**
 * Opens web/test/fixtures/<name> from serveRepo's server in a new page of
 * launch's browser, recording it.
 */
export async function openFixture(browser, server, name) {
  const page = await browser.context.newPage();
  const log = record(page);
  await page.goto(`${server.url}web/test/fixtures/${name}`);
  return { page, log };
}

/** Waits until the demo's engine is ready. */
export async function demoReady(page) {
  await page.waitForSelector('#engine-status[data-state="ready"]', { timeout: 20000 });
}

/**
 * axe-core's violations on a page that count here: any contrast failure,
 * and anything serious or critical. axe's source is evaluated by the test,
 * so the page's CSP does not apply to it.
 */
export async function axeViolations(page) {
  const { readFile } = await import('node:fs/promises');
  axeSource ??= await readFile(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    if (!r.passes.some((p) => p.id === 'color-contrast')) throw new Error('axe checked no contrast');
    return r.violations
      .filter((v) => v.id === 'color-contrast' || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}
let axeSource;

/**
 * Starts `bin serve --addr 127.0.0.1:0 ...args` (bin: a built passmeter
 * command) and resolves once it listens: {url, endpoint (its /range), log(), proc}.
 */
export function startPassmeterServe(bin, args) {
  const proc = spawn(bin, ['serve', '--addr', '127.0.0.1:0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    proc.stderr.on('data', (d) => {
      log += d;
      const m = /listening on (http:\/\/\S+)/.exec(log);
      if (m) resolve({ url: m[1], endpoint: `${m[1]}/range`, log: () => log, proc });
    });
    proc.on('exit', (code) => reject(new Error(`passmeter serve exited ${code}: ${log}`)));
  });
}
