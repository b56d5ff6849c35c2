// require('passmeter') from a CommonJS TypeScript file.
import { load } from 'passmeter';
import type { SecurityInfo } from 'passmeter';

export async function level(password: string): Promise<SecurityInfo> {
  const pm = await load();
  return pm.securityLevelSync({ password, mfaEnrolled: true });
}
