// A page: the DOM lib, a bundler, exact optional properties, the widget
// and the script tag's global.
/// <reference types="passmeter/passmeter.js" />
import { load, type Controller, type PassmeterChangeEvent } from 'passmeter';

export async function page(input: HTMLInputElement, email: HTMLInputElement): Promise<Controller> {
  const pm = await load({ locale: 'de', hibp: { endpoint: new URL('https://hibp.example.com/range') } });
  const meter = pm.attach(input, { inputs: [email], target: '#feedback', breachDelayMs: 500 });
  input.addEventListener('passmeter:change', (e: PassmeterChangeEvent) => {
    const score: 0 | 1 | 2 | 3 | 4 = e.detail.score;
    void score;
  });
  const viaScript = await window.passmeter.load({ worker: false });
  viaScript.strengthCheckSync({ password: 'x' });
  return meter;
}
