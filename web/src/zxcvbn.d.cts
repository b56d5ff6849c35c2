// Types for require('passmeter/zxcvbn'): the function itself (and .default).
import type { Match, CrackTimes } from './passmeter.cjs';

declare namespace zxcvbn {
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
  export { zxcvbn as default };
}
/** zxcvbn(password, user_inputs), synchronous, zxcvbn 4.4.2's answer. */
declare function zxcvbn(password: string, user_inputs?: ReadonlyArray<string | number | boolean>): zxcvbn.ZXCVBNResult;
export = zxcvbn;
