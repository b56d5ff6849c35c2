/// <reference path="../../src/global.d.ts" />
// Type-checked (tsc --noEmit), never run: how a TypeScript user calls the
// package. A wrong type here, or a type the d.ts lost, fails the check.
import { load, attach, locales, localizeFeedback, version } from 'passmeter';
import type { StrengthResponse, SecurityInfo, Controller, BreachCheck, PassmeterTypeError } from 'passmeter';

export async function usage(input: HTMLInputElement): Promise<void> {
  const pm = await load({
    worker: true,
    locale: 'de',
    referenceYear: 2024,
    hibp: { endpoint: 'https://hibp.example.com/range', timeoutMs: 1500, enabled: true },
  });
  const r: StrengthResponse = await pm.strengthCheck({ password: 'hunter2', email: 'a@b.c', user_inputs: ['acme'] }, { breach: true });
  const score: 0 | 1 | 2 | 3 | 4 = r.score;
  const check: BreachCheck = r.breach_check;
  const warning: string = r.feedback.codes.warning;
  const luds = pm.strengthCheckSync({ password: 'x', strength_policy: 'luds', luds: { min_length: 12, min_complexity: 3 } }).feedback.luds_requirements;
  const missing: number | undefined = luds?.missing_characters;
  const info: SecurityInfo = await pm.securityLevel({ password: 'x', mfaEnrolled: true, emailBinded: false, phoneBinded: true });
  const level: 0 | 1 | 2 | 3 = pm.securityLevelSync({}).passwordSecurityLevel;
  const c: Controller = pm.attach(input, { policy: 'luds', luds: { minLength: 10 }, inputs: '#email,#name', target: '#out', breachDelayMs: 500 });
  input.addEventListener('passmeter:change', (e) => {
    const valid: boolean = e.detail.valid_password;
    void valid;
  });
  const shown: StrengthResponse | null = c.response;
  // attached before the module has started, with the widget's own options
  const early: Controller = attach(input, {
    confirm: '#confirm', settleMs: 500, waitMs: 4000, fallbackMinLength: 10, styles: false, load: { locale: 'es', hibp: { enabled: false } },
  });
  early.detach();
  window.passmeter.attach(input).detach();
  // the nist policy, as one factor of MFA
  pm.attach(input, { policy: 'nist', multiFactor: true }).detach();
  // @ts-expect-error the option is wasmURL, and a load() one
  pm.attach(input, { wasmUrl: 'x' });
  c.detach();
  const texts = localizeFeedback(r, 'es');
  const l: readonly string[] = locales;
  const v: string = version;
  const viaWindow = await window.passmeter.load({ worker: false });
  try {
    viaWindow.strengthCheckSync({ password: 'x' });
  } catch (e) {
    const { field, errorType, statusCode, requestId, errorUrl } = e as PassmeterTypeError;
    void [field, errorType, statusCode, requestId, errorUrl];
  }
  void [score, check, warning, missing, info, level, shown, texts, l, v];

  // @ts-expect-error strength_policy is "zxcvbn" or "luds"
  await pm.strengthCheck({ password: 'x', strength_policy: 'strong' });
  // @ts-expect-error password is required
  await pm.strengthCheck({ email: 'a@b.c' });
  // @ts-expect-error breach is a boolean
  await pm.strengthCheck({ password: 'x' }, { breach: 'yes' });
}

// Feedback codes: zxcvbn-ts's keys, written from core/zxcvbn.
import type { WarningCode, SuggestionCode, Messages } from 'passmeter';
const codeW: WarningCode = 'sequences';
const codeS: SuggestionCode = 'dates';
// @ts-expect-error the old suggestion key
const oldS: SuggestionCode = 'avoidSequences';
// @ts-expect-error a suggestion is not a warning
const notW: WarningCode = 'anotherWord';
const overrides: Messages = { level0: 'Terrible', warnings: { topTen: 'Top ten' }, suggestions: { recentYears: 'No years' } };
// @ts-expect-error no such warning
const badOverride: Messages = { warnings: { avoidDates: 'x' } };
// @ts-expect-error a warning's text goes under warnings (the old flat shape)
const flatOverride: Messages = { topTen: 'x' };
// @ts-expect-error no such text
const typoOverride: Messages = { levl0: 'x' };
void [codeW, codeS, oldS, notW, overrides, badOverride, flatOverride, typoOverride];
