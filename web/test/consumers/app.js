// The page of every consumer project: the README's two lines, then the
// answers written into #out for the test to read. Copied into each
// project as src/app.js by consumers.test.mjs. ?worker=0 asks for the main
// thread; without it the default (a worker) is what is tested. The
// passwords are made up and written out so the test can score them again
// under Node and compare.
import { load } from 'passmeter';

export const PASSWORDS = ['Tr0ub4dour&3', 'correct horse battery staple', 'qwerty123', 'Ελλάδα4@1987'];

export async function run(out = document.getElementById('out')) {
  try {
    const worker = new URLSearchParams(location.search).get('worker');
    const pm = await load(worker === '0' ? { worker: false } : {});
    const results = [];
    for (const password of PASSWORDS) {
      const r = await pm.strengthCheck({ password, reference_year: 2024 });
      results.push({ password, score: r.score, guesses: r.guesses, warning: r.feedback.warning });
    }
    out.textContent = JSON.stringify({ thread: pm.thread, results });
  } catch (err) {
    out.textContent = JSON.stringify({ error: String(err && err.message) });
  }
}
