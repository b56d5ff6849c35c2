// Types for passmeter/zxcvbn: zxcvbn 4.4.2's function (its result's
// types live with the package's others, in passmeter.d.ts).
import type { ZXCVBNResult } from './passmeter.js';

export type { ZXCVBNResult, ZXCVBNFeedback } from './passmeter.js';

/** zxcvbn(password, user_inputs), synchronous, zxcvbn 4.4.2's answer. */
declare function zxcvbn(password: string, user_inputs?: ReadonlyArray<string | number | boolean>): ZXCVBNResult;
export default zxcvbn;
