// zxcvbn 4.4.2's call and result shape over strengthCheck: zxcvbn(password,
// user_inputs) gives {password, guesses, guesses_log10, sequence, calc_time,
// crack_times_seconds, crack_times_display, score, feedback}, with its keys
// in zxcvbn's order. The engine's answer is zxcvbn's already; this only
// renames and drops Stytch's fields.

/**
 * The strengthCheck request for zxcvbn(password, user_inputs). zxcvbn reads
 * user_inputs as CoffeeScript's for-in does, index by index up to .length
 * (so a string gives its UTF-16 units, anything without a length gives
 * none, and null throws); the members go to the engine as they are, which
 * keeps strings, numbers and booleans as zxcvbn does. A password that is
 * not a string is a TypeError, as zxcvbn's toLowerCase makes it.
 * @param {unknown} password
 * @param {any} userInputs
 */
export function zxcvbnRequest(password, userInputs = []) {
  if (typeof password !== 'string') throw new TypeError('zxcvbn: password: must be a string');
  if (userInputs === null) throw new TypeError("zxcvbn: user_inputs: cannot read properties of null (reading 'length')");
  const inputs = [];
  const n = userInputs.length;
  for (let i = 0; i < n; i++) inputs.push(userInputs[i]);
  return inputs.length ? { password, user_inputs: inputs } : { password };
}

/**
 * zxcvbn's result from a strengthCheck response.
 * @param {string} password
 * @param {any} r
 */
export function zxcvbnResult(password, r) {
  return {
    password,
    guesses: r.guesses,
    guesses_log10: r.guesses_log10,
    sequence: r.sequence,
    calc_time: r.calc_time_ms,
    crack_times_seconds: r.crack_times_seconds,
    crack_times_display: r.crack_times_display,
    score: r.score,
    feedback: { warning: r.feedback.warning, suggestions: r.feedback.suggestions },
  };
}

/**
 * zxcvbn(password, user_inputs) over a synchronous strengthCheck.
 * @param {(request: import('./passmeter').StrengthRequest) => any} check
 */
export function makeZxcvbn(check) {
  /**
   * @param {string} password
   * @param {(string | number | boolean)[]} [userInputs]
   */
  return function zxcvbn(password, userInputs) {
    return zxcvbnResult(password, check(zxcvbnRequest(password, userInputs)));
  };
}
