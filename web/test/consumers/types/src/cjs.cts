// require('passmeter') from a CommonJS TypeScript file.
import { load } from 'passmeter';
import type { SecurityInfo } from 'passmeter';

export async function level(password: string): Promise<SecurityInfo> {
  const pm = await load();
  return pm.securityLevelSync({ password, mfaEnrolled: true });
}

// the zxcvbn drop-in through require
import zxcvbn = require('passmeter/zxcvbn');
export const score: number = zxcvbn('Tr0ub4dour&3').score + zxcvbn.default('x').score;
