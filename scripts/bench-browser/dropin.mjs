// make bench, the drop-in part: passmeter/zxcvbn (web/dist/zxcvbn.mjs, the
// ES module a zxcvbn user switches to) against zxcvbn.js 4.4.2 itself in
// headless Chromium, each called the way zxcvbn is: zxcvbn(password), on
// the page's thread. Per-call times over the bench's typical passwords,
// and navigation -> first result. Rounds alternate which library goes
// first, each in a fresh browser context; the medians are across rounds.
// Writes Markdown for BENCHMARKS.md's "zxcvbn drop-in" section to stdout.
//
//   node scripts/bench-browser/dropin.mjs INPUTS.json [ROUNDS]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../web/node_modules/playwright-core/index.mjs';
import { startServer } from '../serve-demo.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const [inputsPath, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg || 5);
const typical = JSON.parse(await readFile(inputsPath, 'utf8')).typical.slice(0, 2000);
const zxcvbnJS = await readFile(join(here, 'node_modules', 'zxcvbn', 'dist', 'zxcvbn.js'));

const PAGES = {
  // the module's top-level await has started the engine when the import resolves
  passmeter: `<script type="module">
import zxcvbn from '/web/dist/zxcvbn.mjs';
window.__z = zxcvbn; window.__first = { ms: (zxcvbn('Tr0ub4dour&3'), performance.now()) };
</script>`,
  zxcvbn: `<script src="/zxcvbn.js"></script>
<script type="module">window.__z = zxcvbn; window.__first = { ms: (zxcvbn('Tr0ub4dour&3'), performance.now()) };</script>`,
};

const site = await startServer({
  root,
  csp: false,
  handle: (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const page = path.match(/^\/(passmeter|zxcvbn)\.html$/);
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><meta charset="utf-8"><title>${page[1]}</title>${PAGES[page[1]]}`);
      return true;
    }
    if (path === '/zxcvbn.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(zxcvbnJS);
      return true;
    }
    return false;
  },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const out = { passmeter: { first: [], p50: [], p99: [], scores: null }, zxcvbn: { first: [], p50: [], p99: [], scores: null } };
try {
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 ? ['zxcvbn', 'passmeter'] : ['passmeter', 'zxcvbn'];
    for (const lib of order) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${site.url}${lib}.html`);
      await page.waitForFunction(() => window.__first, null, { timeout: 60000 });
      const r = await page.evaluate((passwords) => {
        const times = new Array(passwords.length);
        const scores = new Array(passwords.length);
        for (let i = 0; i < passwords.length; i++) {
          const t0 = performance.now();
          scores[i] = window.__z(passwords[i]).score;
          times[i] = performance.now() - t0;
        }
        return { first: window.__first.ms, times, scores };
      }, typical);
      out[lib].first.push(r.first);
      out[lib].p50.push(median(r.times));
      out[lib].p99.push(pct(r.times, 0.99));
      out[lib].scores = r.scores;
      await ctx.close();
    }
    console.error(`dropin: round ${round + 1}/${ROUNDS}: p50 passmeter ${out.passmeter.p50.at(-1).toFixed(3)} ms, zxcvbn ${out.zxcvbn.p50.at(-1).toFixed(3)} ms`);
  }
} finally {
  await browser.close();
  await site.close();
}

const same = out.passmeter.scores.every((s, i) => s === out.zxcvbn.scores[i]);
const m = (lib, k) => median(out[lib][k]);
const f = (x) => (x < 10 ? x.toFixed(3) : x.toFixed(0));
const ratio = (k) => (m('passmeter', k) / m('zxcvbn', k)).toFixed(2);
console.log(`\`import zxcvbn from 'passmeter/zxcvbn'\` (web/dist/zxcvbn.mjs, unbundled) against zxcvbn.js 4.4.2,
each called as \`zxcvbn(password)\` on the page's thread in headless Chromium, over the bench's
${typical.length.toLocaleString('en-US')} typical passwords, once each, in a fresh context per library and round
(${ROUNDS} rounds, alternating which goes first; medians across rounds). Made by
\`node scripts/bench-browser/dropin.mjs .bench/browser-inputs.json ${ROUNDS}\` (from \`make bench\`).
Scores equal on every password: ${same ? 'yes' : '**no**'}.

| | passmeter/zxcvbn | zxcvbn.js | ratio |
| --- | ---: | ---: | ---: |
| per call, p50 ms | ${f(m('passmeter', 'p50'))} | ${f(m('zxcvbn', 'p50'))} | ${ratio('p50')} |
| per call, p99 ms | ${f(m('passmeter', 'p99'))} | ${f(m('zxcvbn', 'p99'))} | ${ratio('p99')} |
| navigation → first result, ms | ${f(m('passmeter', 'first'))} | ${f(m('zxcvbn', 'first'))} | ${ratio('first')} |
`);
if (!same) process.exitCode = 1;
