// Types for passmeter: password strength (zxcvbn 4.4.2) and account
// security scoring from a Go core compiled to WebAssembly.
//
// No lib reference: a Node-only project (no "dom" lib) type-checks these
// as they are. The DOM types come from the consumer's own lib, when it has
// one; without it the parts that need a page (attach) take nothing.

type DOMType<K extends string> = typeof globalThis extends { [P in K]: { prototype: infer T } } ? T : never;
type InputElement = DOMType<'HTMLInputElement'>;
type AnyElement = DOMType<'Element'>;
type HTMLElementType = DOMType<'HTMLElement'>;
type URLType = DOMType<'URL'>;


/** Stytch's strength check request, with passmeter's extensions. */
export interface StrengthRequest {
  password: string;
  /** The user's email; its parts count as user inputs. */
  email?: string;
  /** More words that belong to the user or the site. */
  user_inputs?: string[];
  /** Which rule decides valid_password. Default "zxcvbn"; "nist": NIST SP 800-63B-4 and OWASP ASVS. */
  strength_policy?: 'zxcvbn' | 'luds' | 'nist';
  /** LUDS settings: min_length 8–32 (default 8), min_complexity 1–4 (default 3). */
  luds?: { min_length?: number; min_complexity?: number };
  /** zxcvbn's reference year for dates and years; default this year. */
  reference_year?: number;
  /** For the nist policy: the password is only one factor of MFA, so 8 characters suffice rather than 15. */
  multi_factor?: boolean;
}

/** What the nist policy found. */
export interface NistRequirements {
  /** 15, or 8 with multi_factor; in code points. */
  min_length: number;
  missing_characters: number;
  blocklisted: boolean;
  /** "" or why: a common password, the user's own words, or predictable patterns only. */
  blocklist_reason: '' | 'common' | 'context' | 'predicted';
}

export interface LudsRequirements {
  has_lower_case: boolean;
  has_upper_case: boolean;
  has_digit: boolean;
  has_symbol: boolean;
  missing_complexity: number;
  missing_characters: number;
}

/** Stable keys for warnings (zxcvbn-ts style). */
export type WarningCode =
  | ''
  | 'straightRow' | 'keyPattern' | 'simpleRepeat' | 'extendedRepeat' | 'sequences'
  | 'recentYears' | 'dates' | 'topTen' | 'topHundred' | 'common' | 'similarToCommon'
  | 'wordByItself' | 'namesByThemselves' | 'commonNames';

/** Stable keys for suggestions (zxcvbn-ts style). */
export type SuggestionCode =
  | 'useWords' | 'noNeed' | 'anotherWord' | 'longerKeyboardPattern' | 'repeated'
  | 'avoidSequences' | 'avoidRecentYears' | 'associatedYears' | 'avoidDates'
  | 'capitalization' | 'allUppercase' | 'reverseWords' | 'l33t';

export interface Feedback {
  /** zxcvbn 4.4.2's English warning, or "". */
  warning: string;
  /** zxcvbn 4.4.2's English suggestions. */
  suggestions: string[];
  /** For the luds policy; null for zxcvbn. */
  luds_requirements: LudsRequirements | null;
  /** For the nist policy only (absent otherwise). */
  nist_requirements?: NistRequirements;
  codes: { warning: WarningCode | string; suggestions: (SuggestionCode | string)[] };
}

export type BreachCheck = 'ok' | 'breached' | 'unavailable' | 'skipped';

export interface CrackTimes<T> {
  online_throttling_100_per_hour: T;
  online_no_throttling_10_per_second: T;
  offline_slow_hashing_1e4_per_second: T;
  offline_fast_hashing_1e10_per_second: T;
}

interface MatchBase {
  /** Start and end, in UTF-16 code units, inclusive. */
  i: number;
  j: number;
  token: string;
  guesses: number;
  guesses_log10: number;
}

export interface DictionaryMatch extends MatchBase {
  pattern: 'dictionary';
  matched_word: string;
  /** null where zxcvbn's plain-object dictionary gives no rank (the word "__proto__"). */
  rank: number | null;
  dictionary_name: 'passwords' | 'english_wikipedia' | 'female_names' | 'surnames' | 'male_names' | 'us_tv_and_film' | 'user_inputs';
  reversed: boolean;
  l33t: boolean;
  /** With l33t: the substitutions, substitute to letter. */
  sub?: Record<string, string>;
  sub_display?: string;
  base_guesses: number;
  uppercase_variations: number;
  l33t_variations: number;
}

export interface SpatialMatch extends MatchBase {
  pattern: 'spatial';
  graph: 'qwerty' | 'dvorak' | 'keypad' | 'mac_keypad';
  turns: number;
  shifted_count: number;
}

export interface RepeatMatch extends MatchBase {
  pattern: 'repeat';
  base_token: string;
  base_guesses: number;
  base_matches: Match[];
  repeat_count: number;
}

export interface SequenceMatch extends MatchBase {
  pattern: 'sequence';
  sequence_name: 'lower' | 'upper' | 'digits' | 'unicode';
  sequence_space: number;
  ascending: boolean;
}

export interface RegexMatch extends MatchBase {
  pattern: 'regex';
  regex_name: 'recent_year';
  regex_match: string[];
}

export interface DateMatch extends MatchBase {
  pattern: 'date';
  separator: string;
  year: number;
  month: number;
  day: number;
}

export interface BruteforceMatch extends MatchBase {
  pattern: 'bruteforce';
}

/** One match of zxcvbn's most guessable sequence, by pattern. */
export type Match = DictionaryMatch | SpatialMatch | RepeatMatch | SequenceMatch | RegexMatch | DateMatch | BruteforceMatch;

/** Stytch's strength check response, with zxcvbn's own fields. */
export interface StrengthResponse {
  status_code: 200;
  request_id: string;
  valid_password: boolean;
  /** zxcvbn score 0–4. */
  score: 0 | 1 | 2 | 3 | 4;
  breached_password: boolean;
  strength_policy: 'zxcvbn' | 'luds' | 'nist';
  breach_detection_on_create: boolean;
  feedback: Feedback;
  breach_check: BreachCheck;
  guesses: number;
  guesses_log10: number;
  crack_times_seconds: CrackTimes<number>;
  crack_times_display: CrackTimes<string>;
  sequence: Match[];
  calc_time_ms: number;
}

/** Authing's get_security_level input. */
export interface SecurityRequest {
  password?: string;
  mfaEnrolled?: boolean;
  emailBinded?: boolean;
  phoneBinded?: boolean;
  reference_year?: number;
}

/** Authing's GetSecurityInfoDto. */
export interface SecurityInfo {
  /** 0 no password, 1 low, 2 middle, 3 high. */
  passwordSecurityLevel: 0 | 1 | 2 | 3;
  mfaEnrolled: boolean;
  passwordSet: boolean;
  emailBinded: boolean;
  phoneBinded: boolean;
  /** 0–100. */
  securityScore: number;
}

export interface HibpOptions {
  /** Default https://api.pwnedpasswords.com/range; a mirror works too. */
  endpoint?: string | URLType;
  /** Default 3000. */
  timeoutMs?: number;
  /** Default true. */
  enabled?: boolean;
}

export interface LoadOptions {
  /** Where passmeter.wasm is; default next to the script or module, or where the bundler put it. */
  wasmURL?: string | URLType;
  /**
   * Where Go's wasm_exec.js is; default next to the script or module. The
   * worker has it built in and fetches it only when this is set.
   */
  wasmExecURL?: string | URLType;
  /** Where passmeter.worker.js is; default next to the script or module, or where the bundler put it. */
  workerURL?: string | URLType;
  /**
   * Score in a Web Worker. Default true in browsers (falling back to the
   * main thread when the worker cannot start), false under Node. An
   * explicit true means the worker or an error.
   */
  worker?: boolean;
  /** zxcvbn's reference year, added to each request that has none. */
  referenceYear?: number;
  /**
   * A shipped locale (see locales; others fall back to English). attach()
   * renders in it (default: the page's lang); strengthCheck's
   * feedback.warning and suggestions are in it only when it is given here
   * (default: zxcvbn's English).
   */
  locale?: string;
  hibp?: HibpOptions;
  /** Attach to <input data-passmeter> now and as they appear. Default true. */
  autoAttach?: boolean;
  /**
   * After start, score made-up passwords at idle moments (about 0.6 s of
   * work, in slices of a few ms) so that the first keystrokes run code V8
   * has already optimised. Default true in browsers, false under Node.
   */
  warmUp?: boolean;
}

export interface AttachOptions {
  /** Which rule decides validity. Default "zxcvbn". */
  policy?: 'zxcvbn' | 'luds';
  luds?: { min_length?: number; min_complexity?: number; minLength?: number; minComplexity?: number };
  /** Other fields whose values are user inputs (type=email ones go in as the email). */
  inputs?: string | AnyElement | Iterable<AnyElement>;
  /** More user inputs, or a function giving them at each check. */
  userInputs?: string[] | (() => string[]);
  /** Where to render; default right after the input. */
  target?: string | AnyElement;
  locale?: string;
  /** Override any text by key (feedback codes, "level0"…"level4", "tooWeak", …). */
  messages?: Record<string, string>;
  /** Check HIBP after a pause, on blur and on submit. Default: the load's hibp.enabled. */
  breach?: boolean;
  /** The pause before the breach check, in ms. Default 1200. */
  breachDelayMs?: number;
  /** Use setCustomValidity so the browser blocks a weak password. Default true. */
  validity?: boolean;
  // ---- the widget's holding still and failing closed (attach.js) ----
  /** Confirm fields paired with this password: no meter of their own, "do not match" on them. */
  confirm?: string | AnyElement | Iterable<AnyElement>;
  /** The pause after the last keystroke before the text and the announcement change, in ms. Default 700. */
  settleMs?: number;
  /** The longest a held submit waits for the engine, a score or a breach check, in ms. Default 8000. */
  waitMs?: number;
  /** The minimum rule when the engine cannot score: at least this many characters. Default 8. */
  fallbackMinLength?: number;
  /** In a shadow root: the styles to adopt (a sheet, a URL), or false to bring none. Default: the document's passmeter.css. */
  styles?: DOMType<'CSSStyleSheet'> | string | false;
}

/** attach() before load(): the engine starts in the background with these load() options. */
export interface EarlyAttachOptions extends AttachOptions {
  load?: LoadOptions;
}

export interface Controller {
  readonly input: InputElement;
  /** The element rendered. */
  readonly element: HTMLElementType;
  /** The response shown, or null before the first. */
  readonly response: StrengthResponse | null;
  /** Checks the current value now. */
  check(): Promise<StrengthResponse | null>;
  /** Removes every listener, element and attribute added. */
  detach(): void;
}

export interface Passmeter {
  /** The resolved locale. */
  readonly locale: string;
  readonly breachCheckEnabled: boolean;
  /** Where the module runs: "main" also when a worker was asked for but could not start. */
  readonly thread: 'worker' | 'main';
  strengthCheck(request: StrengthRequest, options?: { breach?: boolean }): Promise<StrengthResponse>;
  /** Only with load({worker: false}); throws otherwise. */
  strengthCheckSync(request: StrengthRequest): StrengthResponse;
  securityLevel(request: SecurityRequest): Promise<SecurityInfo>;
  /** Only with load({worker: false}); throws otherwise. */
  securityLevelSync(request: SecurityRequest): SecurityInfo;
  /** The HIBP range check alone. */
  breachCheck(password: string): Promise<BreachCheck>;
  attach(input: InputElement, options?: AttachOptions): Controller;
}

/** A bad request: which field is at fault. */
export interface PassmeterTypeError extends TypeError {
  field: string;
  errorType: string;
  statusCode: number;
}

type CustomEventOf<T> = typeof globalThis extends { CustomEvent: { prototype: infer E } } ? Omit<E, 'detail'> & { readonly detail: T } : { readonly detail: T };

export type PassmeterChangeEvent = CustomEventOf<StrengthResponse>;
export type PassmeterErrorEvent = CustomEventOf<{ message: string }>;

declare global {
  interface HTMLElementEventMap {
    'passmeter:change': PassmeterChangeEvent;
    'passmeter:error': PassmeterErrorEvent;
  }
}

/** Starts the module once and resolves to the API. */
export function load(options?: LoadOptions): Promise<Passmeter>;
/**
 * Attaches at once, before the module has started (it starts in the
 * background): the field is pending, never valid, until the first score.
 */
export function attach(input: InputElement, options?: EarlyAttachOptions): Controller;
/** The locales shipped. */
export const locales: readonly string[];
/** The warning and suggestions of a response, in a locale. */
export function localizeFeedback(response: Pick<StrengthResponse, 'feedback'>, locale?: string): { warning: string; suggestions: string[] };
export const version: string;
