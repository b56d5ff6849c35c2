// zxcvbn 4.4.2's call and result shape over strengthCheck: zxcvbn(password,
// user_inputs) gives {password, guesses, guesses_log10, sequence, calc_time,
// crack_times_seconds, crack_times_display, score, feedback}, with its keys
// in zxcvbn's order. The engine's answer is zxcvbn's already; this only
// renames and drops Stytch's fields.

/**
 * The strengthCheck request for zxcvbn(password, user_inputs). What zxcvbn
 * itself would refuse (a password that is not a string, user inputs that
 * are not an array) is a TypeError here too; the inputs' members go to the
 * engine as they are, which treats them as zxcvbn does.
 * @param {unknown} password
 * @param {unknown} userInputs
 */
export function zxcvbnRequest(password, userInputs) {
  if (typeof password !== 'string') throw new TypeError('zxcvbn: password: must be a string');
  if (userInputs === undefined) return { password };
  if (!Array.isArray(userInputs)) throw new TypeError('zxcvbn: user_inputs: must be an array');
  return { password, user_inputs: userInputs };
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
 * @param {(request: object) => any} check
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
