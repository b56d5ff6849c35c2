// Warming the engine up once it has started. V8 compiles a wasm function
// on its first call and optimises it only after it has run for a while, so
// the first few hundred checks of a fresh page run slow code: measured
// under Node, the slowest 1 % of 2,000 typical passwords took 5 ms right
// after start and 0.5 ms once warm. warmUp scores made-up passwords that
// reach every matcher, a slice at a time while the thread is otherwise
// free, until a budget of work is spent, so that the user's first
// keystrokes meet optimised code. Nothing the user typed is used.

/** Made-up passwords that reach every matcher (dictionary, reversed,
 * l33t, keyboard, repeat, sequence, year, date, bruteforce, Unicode). */
export const WARM_UP_PASSWORDS = [
  'Tr0ub4dour&3', 'correct horse battery staple', 'qwerty123', 'iloveyou2019',
  'P@ssw0rd!', 'dragon1987', 'jordan.example1990', 'zxcvbnm,./', 'drowssap', 'Summer2024!',
  'aaaaaa', 'abc123abc123', 'x7#kQ9$mPz!2', '19/04/1987', 'Ελλάδα4@', '1qaz2wsx3edc',
  'qwertyuiopasdfghjkl;zxcvbnm1qaz2wsx3edcabcdefg9876543210P4$$w0rd!1987-04-19',
];

/** How long after a real call the warm-up stays out of the way. */
const QUIET_MS = 150;

let lastRealCall = -Infinity;

/** Notes a real call on this thread: the warm-up waits for a quiet spell. */
export function noteRealCall() {
  lastRealCall = performance.now();
}

const recentRealCall = () => performance.now() - lastRealCall < QUIET_MS;

/**
 * Scores the made-up passwords, cycling, in slices of about sliceMs run
 * through later(), until budgetMs of work is done or a call throws (the
 * first real call will report that fault). While busy() says real calls
 * are coming in (by default: one in the last QUIET_MS, as noteRealCall
 * records; someone is typing), slices wait rather than delay them.
 * @param {(request: object) => unknown} call a synchronous strengthCheck
 * @param {(slice: () => void) => void} later runs slice when the thread is free
 * @param {{budgetMs?: number, sliceMs?: number, now?: () => number, busy?: () => boolean}} [options]
 * @returns {Promise<number>} the number of calls made
 */
export function warmUp(call, later, { budgetMs = 600, sliceMs = 4, now = () => performance.now(), busy = recentRealCall } = {}) {
  return new Promise((resolve) => {
    let spent = 0;
    let calls = 0;
    const slice = () => {
      if (busy()) {
        later(slice);
        return;
      }
      const t0 = now();
      try {
        do {
          const base = WARM_UP_PASSWORDS[calls % WARM_UP_PASSWORDS.length];
          // later rounds vary the text a little, as typing would
          const password = calls < WARM_UP_PASSWORDS.length ? base : `${base}${calls}`;
          call({ password, user_inputs: ['jordan', 'example'] });
          calls++;
        } while (now() - t0 < sliceMs && spent + (now() - t0) < budgetMs);
      } catch {
        resolve(calls);
        return;
      }
      spent += now() - t0;
      if (spent >= budgetMs) resolve(calls);
      else later(slice);
    };
    later(slice);
  });
}

/**
 * Runs slice at the thread's next idle moment: requestIdleCallback where
 * there is one (a page), else a timer that does not keep Node alive.
 * @param {() => void} slice
 */
export function whenIdle(slice) {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(() => slice(), { timeout: 2000 });
    return;
  }
  // a number in browsers, a Timeout (with unref) under Node
  const t = /** @type {number | {unref?: () => void}} */ (setTimeout(slice, 20));
  if (t && typeof t === 'object' && typeof t.unref === 'function') t.unref();
}
