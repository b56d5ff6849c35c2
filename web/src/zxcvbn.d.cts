// Types for require('passmeter/zxcvbn'): the function itself (and .default).
import type { ZXCVBNResult } from './zxcvbn.js';

declare function zxcvbn(password: string, user_inputs?: ReadonlyArray<string | number | boolean>): ZXCVBNResult;
declare namespace zxcvbn {
  export { zxcvbn as default };
  export type { ZXCVBNResult };
}
export = zxcvbn;
