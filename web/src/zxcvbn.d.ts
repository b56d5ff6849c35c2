// Types for passmeter/zxcvbn: zxcvbn 4.4.2's function and result.
import type { Match, CrackTimes } from './passmeter.js';

export interface ZXCVBNFeedback {
  warning: string;
  suggestions: string[];
}

/** zxcvbn 4.4.2's result object. */
export interface ZXCVBNResult {
  password: string;
  guesses: number;
  guesses_log10: number;
  sequence: Match[];
  /** Milliseconds. */
  calc_time: number;
  crack_times_seconds: CrackTimes<number>;
  crack_times_display: CrackTimes<string>;
  score: 0 | 1 | 2 | 3 | 4;
  feedback: ZXCVBNFeedback;
}

/** zxcvbn(password, user_inputs), synchronous, zxcvbn 4.4.2's answer. */
declare function zxcvbn(password: string, user_inputs?: ReadonlyArray<string | number | boolean>): ZXCVBNResult;
export default zxcvbn;
