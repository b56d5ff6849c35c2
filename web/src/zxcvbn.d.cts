// Types for require('passmeter/zxcvbn'): the function itself (and
// .default); its result's types are the package's (passmeter.d.cts).
import type { ZXCVBNResult as Result, ZXCVBNFeedback as Feedback } from './passmeter.cjs';

declare namespace zxcvbn {
  export type ZXCVBNResult = Result;
  export type ZXCVBNFeedback = Feedback;
  export { zxcvbn as default };
}
/** zxcvbn(password, user_inputs), synchronous, zxcvbn 4.4.2's answer. */
declare function zxcvbn(password: string, user_inputs?: ReadonlyArray<string | number | boolean>): Result;
export = zxcvbn;
