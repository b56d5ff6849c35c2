// Runs zxcvbn.js or zxcvbn-ts on long passwords for make bench; the page
// terminates it at the cap. In: {pw, reps, budgetMs}; out: {times, score}.
const lib = new URL(self.location.href).searchParams.get('lib');
let check;
if (lib === 'zxcvbn') {
  importScripts('zxcvbn/zxcvbn.js');
  check = (p) => self.zxcvbn(p);
} else {
  importScripts('zxcvbn-ts/zxcvbn-ts.js');
  check = (p) => self.zxcvbnts.check(p);
}
check('warm-up 1'); // like the page: the library has run once
self.onmessage = ({ data }) => {
  const times = [];
  let total = 0;
  let score;
  while (times.length < data.reps && (times.length === 0 || total < data.budgetMs)) {
    const t0 = performance.now();
    score = check(data.pw).score;
    const dt = performance.now() - t0;
    times.push(dt);
    total += dt;
  }
  self.postMessage({ times, score });
};
self.postMessage({ type: 'ready' });
