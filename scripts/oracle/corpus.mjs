// Deterministic, seeded corpus of test passwords for the zxcvbn@4.4.2 oracle.
//
// generateCorpus() returns an array of {cat, password, user_inputs}. The same
// zxcvbn package version and the same SEED always give the same corpus, in the
// same order. Every category draws from its own PRNG stream (derived from SEED
// and the category name), so changing one category does not reshuffle others.
//
// Run `node corpus.mjs` to print per-category counts without recording.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FREQ = require('zxcvbn/lib/frequency_lists.js');
const GRAPHS = require('zxcvbn/lib/adjacency_graphs.js');
const MATCHING = require('zxcvbn/lib/matching.js');

export const SEED = 0x5a7c_b442;
export const LONG_MIN_UNITS = 65; // cases with more UTF-16 units than 64 are "long"

// ---------------------------------------------------------------- PRNG ----

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s) {
  // FNV-1a 32-bit
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  int(n) {
    // 0 .. n-1
    return Math.floor(this.next() * n);
  }
  range(lo, hi) {
    // lo .. hi inclusive
    return lo + this.int(hi - lo + 1);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[this.int(arr.length)];
  }
  weighted(pairs) {
    // pairs: [[weight, value], ...]
    let total = 0;
    for (const [w] of pairs) total += w;
    let x = this.next() * total;
    for (const [w, v] of pairs) {
      if ((x -= w) < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  // rank in 1..n, log-uniform (so small ranks are well represented)
  logRank(n) {
    return Math.min(n, Math.max(1, Math.floor(Math.exp(this.next() * Math.log(n + 1)))));
  }
  shuffle(arr) {
    const a = arr.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

// ------------------------------------------------------------ alphabets ----

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const SYMBOLS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
let PRINTABLE = '';
for (let c = 32; c < 127; c++) PRINTABLE += String.fromCharCode(c);
const ALNUM = LOWER + UPPER + DIGITS;

function randomString(rng, alphabet, len) {
  // alphabet: string or array of strings (code points / clusters)
  let s = '';
  for (let i = 0; i < len; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

function codeRange(lo, hi) {
  const out = [];
  for (let c = lo; c <= hi; c++) out.push(String.fromCodePoint(c));
  return out;
}

const L33T_TABLE = {
  a: ['4', '@'],
  b: ['8'],
  c: ['(', '{', '[', '<'],
  e: ['3'],
  g: ['6', '9'],
  i: ['1', '!', '|'],
  l: ['1', '|', '7'],
  o: ['0'],
  s: ['$', '5'],
  t: ['+', '7'],
  x: ['%'],
  z: ['2'],
};

// --------------------------------------------------------- word helpers ----

const LIST_NAMES = Object.keys(FREQ); // zxcvbn's own order

function word(rng, list, maxRank) {
  const lst = FREQ[list];
  const n = Math.min(lst.length, maxRank || lst.length);
  return lst[rng.logRank(n) - 1];
}

function anyWord(rng, maxRank) {
  return word(rng, rng.pick(LIST_NAMES), maxRank);
}

function alphaWord(rng, list, maxRank, minLen = 3) {
  for (let k = 0; k < 50; k++) {
    const w = word(rng, list, maxRank);
    if (/^[a-z]+$/.test(w) && w.length >= minLen) return w;
  }
  return 'password';
}

const cap = (w) => (w ? w[0].toUpperCase() + w.slice(1) : w);
const rev = (w) => w.split('').reverse().join('');

function caseStyle(rng, w) {
  return rng.weighted([
    [5, () => w],
    [4, () => cap(w)],
    [2, () => w.toUpperCase()],
    [1, () => w.slice(0, -1) + w.slice(-1).toUpperCase()],
    [1, () => w.split('').map((c) => (rng.chance(0.4) ? c.toUpperCase() : c)).join('')],
    [1, () => w.split('').map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')],
    [1, () => (w.length > 1 ? w[0] + w.slice(1).toUpperCase() : w)],
  ])();
}

function digitSuffix(rng) {
  return rng.weighted([
    [4, () => String(rng.range(0, 9))],
    [4, () => String(rng.range(10, 99))],
    [2, () => String(rng.range(100, 999))],
    [2, () => rng.pick(['1', '12', '123', '1234', '12345', '01', '007', '69', '11', '99', '00', '321', '4321'])],
    [4, () => String(rng.range(1950, 2030))],
    [2, () => String(rng.range(0, 99)).padStart(2, '0')],
    [1, () => String(rng.range(0, 9999)).padStart(4, '0')],
  ])();
}

function symbolSuffix(rng) {
  return rng.pick(['!', '!!', '!1', '1!', '?', '.', '#', '$', '@', '*', '_', '-', '!@#', '123!', '']);
}

function l33tify(rng, w, p = 0.6) {
  let out = '';
  for (const c of w) {
    const lc = c.toLowerCase();
    const subs = L33T_TABLE[lc];
    if (subs && rng.chance(p)) out += rng.pick(subs);
    else out += c;
  }
  return out;
}

// ------------------------------------------------------------- walks ----

function spatialWalk(rng, graphName, len, opts = {}) {
  const g = GRAPHS[graphName];
  const keys = Object.keys(g);
  const slanted = graphName === 'qwerty' || graphName === 'dvorak';
  const pTurn = opts.pTurn ?? 0.25;
  const pShift = slanted ? opts.pShift ?? 0.15 : 0;
  let cur = rng.pick(keys);
  let out = cur;
  let dir = -1;
  for (let k = 1; k < len; k++) {
    const nbs = g[cur];
    const valid = [];
    nbs.forEach((x, i) => x && valid.push(i));
    if (!valid.length) break;
    if (dir < 0 || !nbs[dir] || rng.chance(pTurn)) dir = rng.pick(valid);
    const adj = nbs[dir];
    let next;
    if (slanted) next = rng.chance(pShift) ? adj[1] : adj[0];
    else next = adj;
    out += next;
    cur = next;
  }
  return out;
}

// ------------------------------------------------------------- dates ----

const SEPARATORS = ['', '', '', '/', '-', '.', ' ', '\\', '_'];

function fmtDate(rng, d, m, y, opts = {}) {
  const sep = opts.sep ?? rng.pick(SEPARATORS);
  const y2 = opts.y2 ?? rng.chance(0.4);
  const pad = opts.pad ?? rng.chance(0.6);
  const ys = y2 ? String(y % 100).padStart(2, '0') : String(y);
  const ds = pad ? String(d).padStart(2, '0') : String(d);
  const ms = pad ? String(m).padStart(2, '0') : String(m);
  const order = opts.order ?? rng.pick(['dmy', 'mdy', 'ymd', 'ydm', 'dmy', 'mdy']);
  const parts = { d: ds, m: ms, y: ys };
  return order.split('').map((k) => parts[k]).join(sep);
}

// ----------------------------------------------------------- unicode ----

const UNI_WORDS = [
  'café', 'naïve', 'résumé', 'Müller', 'Straße', 'façade', 'jalapeño', 'crème', 'brûlée', 'smørrebrød',
  'Ångström', 'Zürich', 'español', 'contraseña', 'mañana', 'señor', 'ÉCOLE', 'Ärger', 'Øresund', 'łódź',
  'пароль', 'Пароль', 'ПАРОЛЬ', 'привет', 'москва', 'Россия', 'любовь', 'qwerty', 'йцукен', 'ЙЦУКЕН',
  'καλημέρα', 'ΚΑΛΗΜΕΡΑ', 'ΟΔΟΣ', 'Σίσυφος', 'ΣΙΣΥΦΟΣ', 'ελλάδα', 'αγάπη', 'ΑΓΆΠΗ', 'κωδικός',
  '密码', '你好', '我爱你', '中国', 'パスワード', 'こんにちは', 'ありがとう', '비밀번호', '사랑해',
  'كلمة', 'مرحبا', 'سر', 'שלום', 'סיסמה', 'पासवर्ड', 'नमस्ते', 'รหัสผ่าน', 'สวัสดี', 'გამარჯობა',
  'İstanbul', 'İSTANBUL', 'istanbul', 'ıiİI', 'İİİ', 'DİYARBAKIR', 'ŞİFRE', 'şifre', 'Ĳssel', 'ǅemal',
  'e\u0301cole', 'cafe\u0301', 'n\u0303', 'a\u0308a\u0308', 'Z\u0351\u0362a\u0364\u0335l', 'o\u0308\u0304',
  '\u212Aing', 'PASS\u212A', '\u212Bngstrom', 'ﬀoo', 'ﬁsh', 'ŉ', 'ǰ', 'ẞTRASSE', 'ΐ', 'ſecret',
];

const EMOJI = [
  '😀', '😁', '😂', '🤣', '😍', '🙈', '🔥', '💯', '🐶', '🐱', '🍕', '⚽', '❤️', '♥', '★', '☃', '✓',
  '👍', '👍🏻', '👍🏽', '👍🏿', '👋🏼', '🧑🏾‍💻', '👨‍👩‍👧‍👦', '👩‍❤️‍👨', '🏳️‍🌈', '🇺🇸', '🇫🇷', '🇯🇵',
  '🤷‍♂️', '🙋🏽‍♀️', '1️⃣', '#️⃣', '🦄', '🌍', '🎉', '💩', '🚀', '𝕒', '𝟙', '𐐷', '𠜎',
];

const SCRIPTS = {
  latin1: codeRange(0xc0, 0xff).filter((c) => c !== '×' && c !== '÷'),
  latinExtA: codeRange(0x100, 0x17f),
  greekLower: codeRange(0x3b1, 0x3c9),
  greekUpper: codeRange(0x391, 0x3a9).filter((c) => c !== '\u03a2'),
  cyrLower: codeRange(0x430, 0x44f),
  cyrUpper: codeRange(0x410, 0x42f),
  cjk: codeRange(0x4e00, 0x4e00 + 300),
  hiragana: codeRange(0x3041, 0x3096),
  arabic: codeRange(0x627, 0x64a),
  hebrew: codeRange(0x5d0, 0x5ea),
  emoji: codeRange(0x1f600, 0x1f64f),
  math: codeRange(0x1d400, 0x1d433),
};

// ---------------------------------------------------------- generators ----

function genRanked(rng, push) {
  // Every frequency list, stratified ranks: the top 40 of each, then log-uniform
  // and uniform ranks across the whole list.
  for (const name of LIST_NAMES) {
    const lst = FREQ[name];
    for (let r = 1; r <= 40 && r <= lst.length; r++) push(lst[r - 1]);
    const nLog = Math.round(lst.length / 60) + 150;
    for (let k = 0; k < nLog; k++) push(lst[rng.logRank(lst.length) - 1]);
    for (let k = 0; k < 150; k++) push(lst[rng.int(lst.length)]);
    // the very last entries of each list
    for (let r = lst.length - 5; r <= lst.length; r++) push(lst[r - 1]);
  }
  // zxcvbn's lists are disjoint, so ties between dictionaries come from
  // reversed words that are also forward words (god/dog) and from user inputs.
  const all = new Set();
  for (const name of LIST_NAMES) for (const w of FREQ[name]) all.add(w);
  const palin = [];
  for (const name of LIST_NAMES) {
    for (const w of FREQ[name]) {
      if (w.length >= 3 && all.has(rev(w))) palin.push(w);
    }
  }
  for (let k = 0; k < 450; k++) push(rng.pick(palin));
  // Simple transforms of ranked words: capitalised, upper, reversed.
  for (let k = 0; k < 500; k++) {
    const w = anyWord(rng);
    push(rng.weighted([[3, () => cap(w)], [2, () => w.toUpperCase()], [3, () => rev(w)], [1, () => cap(rev(w))], [1, () => caseStyle(rng, w)]])());
  }
}

function genWordDigits(rng, push) {
  const fixed = ['Password1', 'password1', 'Password123', 'password123', 'dragon2019', 'Dragon2019!', 'Monkey12', 'letmein1',
    'Welcome1', 'Welcome123!', 'Summer2020', 'Spring2023!', 'Qwerty123', 'iloveyou2', 'Abc12345', 'Football1', 'Baseball99',
    'Passw0rd!', 'admin123', 'Admin@123', 'root1234', 'test123', 'Test1234', 'master1', 'shadow12', 'sunshine1'];
  fixed.forEach((p) => push(p));
  for (let k = 0; k < 2500; k++) {
    const list = rng.weighted([[5, 'passwords'], [3, 'english_wikipedia'], [2, 'us_tv_and_film'], [1, 'female_names'], [1, 'male_names'], [1, 'surnames']]);
    const w = caseStyle(rng, alphaWord(rng, list, rng.chance(0.7) ? 3000 : undefined));
    push(rng.weighted([
      [6, () => w + digitSuffix(rng)],
      [3, () => w + digitSuffix(rng) + symbolSuffix(rng)],
      [2, () => w + symbolSuffix(rng) + digitSuffix(rng)],
      [2, () => digitSuffix(rng) + w],
      [1, () => digitSuffix(rng) + w + digitSuffix(rng)],
      [1, () => w + symbolSuffix(rng)],
      [1, () => w + digitSuffix(rng) + w],
    ])());
  }
}

function genL33t(rng, push) {
  const fixed = ['p@ssw0rd', 'P@ssw0rd', 'P@$$w0rd', 'p4ssw0rd', 'l33t', '1337', 'h4x0r', 'pa$$word', 'P455w0rd', 'l1ttl3',
    '|1ttle', '7itt7e', '1i77|e', '|||', '111', '777', 'w!11!@m', 'wi||iam', '5+i||', '$ti11', '!||u$!0n', 'i||usion',
    '8@11', '(@7', '{0[0<', '%3n0n', '2e8r@', '6o9', 'p422w0rd', '@dm1n', '4dm!n', 'tr0ub4dor&3', 'Tr0ub4dour&3', 'm0nk3y',
    'd4rk$1d3', 'qu33n', 'm@573r', '5h4d0w', '5|_|n5h1n3', 'f00tb@ll', 'b@53b@11', '7r|_|57n01', 'ab(d', 'a{c', '<<<'];
  fixed.forEach((p) => push(p));
  // Words dense in ambiguous letters (i, l, t) and every substitutable letter.
  const ambig = [];
  for (const name of ['passwords', 'english_wikipedia', 'us_tv_and_film', 'female_names', 'male_names', 'surnames']) {
    for (const w of FREQ[name].slice(0, 8000)) {
      if (/^[a-z]{3,12}$/.test(w) && (w.match(/[ilt]/g) || []).length >= 2) ambig.push(w);
    }
  }
  for (let k = 0; k < 900; k++) {
    const w = rng.pick(ambig);
    const p = rng.pick([0.3, 0.6, 1.0, 1.0]);
    let s = l33tify(rng, w, p);
    if (rng.chance(0.2)) s = caseStyle(rng, s);
    if (rng.chance(0.2)) s += digitSuffix(rng);
    push(s);
  }
  for (let k = 0; k < 1300; k++) {
    const list = rng.weighted([[5, 'passwords'], [3, 'english_wikipedia'], [1, 'us_tv_and_film'], [1, 'female_names'], [1, 'male_names'], [1, 'surnames']]);
    const w = alphaWord(rng, list, rng.chance(0.7) ? 5000 : undefined);
    const p = rng.pick([0.2, 0.5, 0.8, 1.0]);
    let s = l33tify(rng, w, p);
    s = rng.weighted([
      [6, () => s],
      [2, () => caseStyle(rng, s)],
      [2, () => s + digitSuffix(rng)],
      [1, () => s + symbolSuffix(rng)],
      [1, () => rev(s)],
      [1, () => s + l33tify(rng, alphaWord(rng, 'passwords', 2000), 0.7)],
    ])();
    push(s);
  }
  // L33t characters next to each other and at the edges (sub-only tokens).
  for (let k = 0; k < 300; k++) {
    const chars = '4@8({[<3691!|70$5+%2';
    push(randomString(rng, chars, rng.range(1, 8)) + (rng.chance(0.5) ? alphaWord(rng, 'passwords', 1000) : ''));
  }
}

function genSpatial(rng, push) {
  const fixed = ['qwerty', 'qwertyuiop', 'QWERTY', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', '1qaz2wsx', '!QAZ2wsx', '1qaz@WSX',
    'qazwsx', 'qazxsw', 'zaq12wsx', 'ZAQ!2wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'poiuytrewq', 'mnbvcxz', 'lkjhgfdsa',
    'qwer1234', '`1234567890-=', '~!@#$%^&*()_+', 'qwertz', 'azerty', 'aoeuidhtns', 'aoeu', "',.pyfgcrl", 'pyfgcrl', 'htns',
    ';qjkxbmwvz', '147258369', '7894561230', '123456789', '159753', '741852963', '/*-+', '*-+', '0.123', '789/456*123-',
    '2580', '0852', '963852741', '1236987', '=/*', '7412369', 'qawsedrftg', 'wsxedc', 'rfvtgb', 'yhnujm', 'plokij', 'mjunhy',
    'zse4', 'xdr5', '1234qwer', 'asdf;lkj', 'jkl;', 'uiop[]', '[];\'', ',./', 'qwe', 'qwE', 'QwErTy', 'qWeRtY'];
  fixed.forEach((p) => push(p));
  for (const graph of ['qwerty', 'dvorak', 'keypad', 'mac_keypad']) {
    const n = graph === 'qwerty' ? 900 : graph === 'dvorak' ? 500 : 300;
    for (let k = 0; k < n; k++) {
      const len = rng.range(3, 14);
      let s = spatialWalk(rng, graph, len, { pTurn: rng.pick([0, 0.1, 0.3, 0.6]), pShift: rng.pick([0, 0, 0.1, 0.3, 0.8]) });
      s = rng.weighted([
        [8, () => s],
        [1, () => cap(s)],
        [1, () => s + digitSuffix(rng)],
        [1, () => s + spatialWalk(rng, graph, rng.range(3, 8))],
        [1, () => alphaWord(rng, 'passwords', 2000) + s],
      ])();
      push(s);
    }
  }
}

function genRepeat(rng, push) {
  const fixed = ['aaa', 'aaaa', 'aaaaaaaaaa', 'abcabc', 'abcabcabc', 'ababab', 'abab', 'aabbcc', '111', '1111111', '121212',
    '123123', '123123123', 'qwertyqwerty', 'passwordpassword', 'PasswordPassword', 'p@ssp@ss', 'aaab', 'abababa', 'xyzxyzx',
    'ééé', 'éééé', 'ÉÉÉ', 'ßßß', 'ñññ', '中中中', '😀😀😀', '😀😀', '😀😁😀😁', '👍🏽👍🏽👍🏽', '👨‍👩‍👧👨‍👩‍👧', '❤️❤️❤️',
    'ααα', 'ΣΣΣ', 'ςςς', 'ффф', 'İİ', 'e\u0301e\u0301e\u0301', '\u0301\u0301\u0301', '   ', '\n\n\n', '\t\t', '..', '!!!!', '$$$$$',
    '1990199019901990', '12/3/9012/3/90', 'dragondragondragon', 'Aa', 'AaAaAa', 'aAaA', 'abcdabcd', 'zyxzyx', 'qazqazqaz',
    'batterybattery', 'ba', 'bababa', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'abcabcab', 'abc123abc123'];
  fixed.forEach((p) => push(p));
  for (let k = 0; k < 1200; k++) {
    const base = rng.weighted([
      [3, () => randomString(rng, PRINTABLE, 1)],
      [2, () => randomString(rng, LOWER + DIGITS, rng.range(2, 4))],
      [2, () => caseStyle(rng, alphaWord(rng, rng.pick(LIST_NAMES), 2000))],
      [1, () => l33tify(rng, alphaWord(rng, 'passwords', 1000))],
      [1, () => spatialWalk(rng, 'qwerty', rng.range(3, 6))],
      [1, () => { const st = rng.int(20); return LOWER.slice(st, st + rng.range(2, 5)); }],
      [1, () => String(rng.range(1950, 2030))],
      [1, () => fmtDate(rng, rng.range(1, 28), rng.range(1, 12), rng.range(1950, 2030))],
      [2, () => rng.pick([...UNI_WORDS, ...EMOJI]).slice(0, rng.range(1, 4))],
      [1, () => rng.pick(EMOJI)],
      [1, () => randomString(rng, SCRIPTS[rng.pick(Object.keys(SCRIPTS))], rng.range(1, 3))],
    ])();
    const count = rng.range(2, Math.max(2, Math.min(8, Math.floor(30 / Math.max(1, base.length)))));
    let s = base.repeat(count);
    if (rng.chance(0.15)) s += base.slice(0, Math.max(1, base.length - 1)); // trailing partial
    s = rng.weighted([
      [6, () => s],
      [1, () => alphaWord(rng, 'passwords', 2000) + s],
      [1, () => s + digitSuffix(rng)],
      [1, () => randomString(rng, ALNUM, rng.range(1, 4)) + s + randomString(rng, ALNUM, rng.range(1, 4))],
    ])();
    push(s);
  }
}

function genSequence(rng, push) {
  const fixed = ['abc', 'abcd', 'abcdefg', 'abcdefghijklmnopqrstuvwxyz', 'zyx', 'zyxwvu', 'ABC', 'ABCDEF', 'XYZ', '123', '1234',
    '12345', '123456', '1234567890', '0123456789', '9876', '987654321', '3210', '13579', '2468', '97531', 'aceg', 'acegikm',
    'zxvt', 'adgj', 'afkp', 'agmsy', 'αβγδ', 'αβγδεζ', 'ωψχφ', 'ΑΒΓΔ', 'абвгд', 'АБВГД', 'яюэь', 'あいうえお', 'ぁあぃいぅ',
    '一丁丂七', 'àáâãäå', 'ÀÁÂÃ', 'ĀāĂă', 'ａｂｃｄ', '①②③④', 'ⅠⅡⅢⅣ', '😀😁😂😃', '😃😂😁😀', '🐶🐷🐸', 'abcdcba', '12321',
    '1234321', 'aa', 'ab', 'ba', 'az', 'xyzabc', '890', '7890', '9012', 'yzab', 'abc123', 'abcxyz', 'hijk', 'wxyz', 'mnop',
    'ABCdef', 'aBcD', '!"#$', '#$%&', '+,-./', ':;<=>', '0/.-', 'XYZ[\\]', '`abc', '{|}~', 'acbd', 'aabbcc', 'aeimquy', 'zuqlgb'];
  fixed.forEach((p) => push(p));
  const spaces = [
    [4, LOWER.split('')], [2, UPPER.split('')], [4, DIGITS.split('')], [1, PRINTABLE.split('')],
    [1, SCRIPTS.greekLower], [1, SCRIPTS.cyrLower], [1, SCRIPTS.cyrUpper], [1, SCRIPTS.hiragana], [1, SCRIPTS.cjk],
    [1, SCRIPTS.latin1], [1, SCRIPTS.emoji], [1, SCRIPTS.math], [1, SCRIPTS.arabic], [1, SCRIPTS.hebrew],
  ];
  for (let k = 0; k < 1200; k++) {
    const alpha = rng.weighted(spaces);
    const step = rng.weighted([[8, 1], [2, 2], [1, 3], [1, 4], [1, 5], [1, 6]]) * (rng.chance(0.35) ? -1 : 1);
    const len = rng.range(2, 12);
    let start = rng.int(alpha.length);
    let s = '';
    for (let t = 0; t < len; t++) {
      const idx = start + t * step;
      if (idx < 0 || idx >= alpha.length) break;
      s += alpha[idx];
    }
    if (!s) s = alpha[start];
    s = rng.weighted([
      [7, () => s],
      [1, () => alphaWord(rng, 'passwords', 2000) + s],
      [1, () => s + digitSuffix(rng)],
      [1, () => s + rev(s)],
      [1, () => randomString(rng, ALNUM, rng.range(1, 3)) + s],
    ])();
    push(s);
  }
}

function genDate(rng, push, referenceYear) {
  const ry = referenceYear;
  const fixed = ['00/00/00', '00/00/0000', '0000', '000000', '00000000', '31/02/2000', '30/02/1999', '29/02/2001', '32/01/2000',
    '13/13/1999', '12/31/1999', '31/12/1999', '1/1/1', '1/1/01', '01/01/01', '1.1.2000', '2000.1.1', '2000-01-01', '20000101',
    '01012000', '1012000', '112000', '1120', '1111', '11111', '123190', '311299', '991231', '19991231', '12311999', '010170',
    '1-2-3', '1_2_3', '1 2 3', '1\\2\\3', '12/03-1990', '12/03/19900', '1/1/999', '1/1/1000', '1/1/2050', '1/1/2051',
    '1/1/0999', '0/1/2000', '1/0/2000', '10/10/10', '31/31/31', '99/99/99', '12.25.2012', '25.12.2012', '4/7/76', '7/4/1776',
    '11/9/2001', '9/11/01', '911', '9112001', '20010911', '1/2/34', '02/29/2004', '0229', '2902', '12345678', '87654321',
    `01/01/${ry}`, `${ry}0101`, `0101${ry}`, `${ry - 1}-12-31`, `1/1/${String(ry % 100).padStart(2, '0')}`, '1/1/49',
    '1/1/50', '1/1/51', '1/1/99', '1/1/00', '11/11/11', '12/12/12', '123/1/2', '1234/1/1', '1/1234/1', '1990/13/1',
    '1990-02-30', '31-04-1995', '15/5/1555', '5/15/1555', '2001 09 11', '2001  09  11', '12..12..2012'];
  fixed.forEach((p) => push(p));
  for (let k = 0; k < 2400; k++) {
    const y = rng.weighted([
      [5, () => rng.range(1950, Math.max(2030, ry + 5))],
      [2, () => rng.range(1900, 2050)],
      [1, () => rng.range(1000, 1900)],
      [1, () => rng.range(ry - 3, ry + 3)],
      [1, () => rng.pick([999, 2051, 2099, 1000, 2050, 0, 1, 10, 99, 100, 9999])],
    ])();
    let d = rng.weighted([[8, () => rng.range(1, 28)], [2, () => rng.range(29, 31)], [1, () => rng.pick([0, 32, 33, 99])]])();
    let m = rng.weighted([[9, () => rng.range(1, 12)], [1, () => rng.pick([0, 13, 19, 31])]])();
    let s = fmtDate(rng, d, m, y);
    s = rng.weighted([
      [7, () => s],
      [2, () => alphaWord(rng, rng.pick(LIST_NAMES), 3000) + s],
      [1, () => caseStyle(rng, alphaWord(rng, 'passwords', 2000)) + s + symbolSuffix(rng)],
      [1, () => s + alphaWord(rng, 'passwords', 2000)],
      [1, () => s + fmtDate(rng, rng.range(1, 28), rng.range(1, 12), rng.range(1950, 2030))],
      [1, () => randomString(rng, DIGITS, rng.range(1, 3)) + s],
    ])();
    push(s);
  }
}

function genYear(rng, push, referenceYear) {
  for (let y = 1900; y <= 2050; y++) push(String(y));
  for (let y = referenceYear - 10; y <= referenceYear + 5; y++) {
    push(String(y));
    push('a' + y);
    push(y + '!');
  }
  for (let k = 0; k < 400; k++) {
    const y = rng.weighted([[4, () => rng.range(1900, 2030)], [2, () => rng.range(referenceYear - 20, referenceYear)], [1, () => rng.range(1000, 2100)]])();
    push(rng.weighted([
      [3, () => String(y)],
      [3, () => caseStyle(rng, alphaWord(rng, rng.pick(LIST_NAMES), 3000)) + y],
      [1, () => y + caseStyle(rng, alphaWord(rng, 'passwords', 3000))],
      [1, () => String(y) + String(rng.range(1900, 2030))],
      [1, () => "'" + String(y % 100).padStart(2, '0')],
      [1, () => randomString(rng, DIGITS, rng.range(1, 4)) + y + randomString(rng, DIGITS, rng.range(0, 3))],
    ])());
  }
}

function genName(rng, push) {
  for (let k = 0; k < 800; k++) {
    const first = alphaWord(rng, rng.chance(0.6) ? 'female_names' : 'male_names', undefined, 2);
    const last = alphaWord(rng, 'surnames', undefined, 2);
    push(rng.weighted([
      [2, () => first],
      [2, () => cap(first)],
      [2, () => first + last],
      [2, () => cap(first) + cap(last)],
      [1, () => first + '.' + last],
      [1, () => first[0] + last],
      [2, () => cap(first) + digitSuffix(rng)],
      [1, () => last + first],
      [1, () => first + ' ' + last],
      [1, () => first.toUpperCase() + rng.range(1, 99)],
      [1, () => last],
    ])());
  }
}

function genPassphrase(rng, push) {
  const fixed = ['correcthorsebatterystaple', 'correct horse battery staple', 'Correct-Horse-Battery-Staple', 'CorrectHorseBatteryStaple',
    'iloveyou', 'ilovemydog', 'thequickbrownfox', 'the quick brown fox jumps over the lazy dog', 'letmeinplease', 'opensesame',
    'mypasswordissecure', 'ThisIsMyPassword', 'whatever123', 'trustno1', 'iamthebest', 'maytheforcebewithyou'];
  fixed.forEach((p) => push(p));
  for (let k = 0; k < 1200; k++) {
    const n = rng.weighted([[3, 2], [4, 3], [3, 4], [1, 5]]);
    const words = [];
    for (let t = 0; t < n; t++) {
      const list = rng.weighted([[5, 'english_wikipedia'], [2, 'us_tv_and_film'], [2, 'passwords'], [1, 'surnames']]);
      words.push(alphaWord(rng, list, rng.pick([500, 2000, 10000, undefined]), 2));
    }
    const sep = rng.pick(['', '', '', ' ', ' ', '-', '_', '.', '1', '!']);
    let ws = words;
    const style = rng.int(5);
    if (style === 1) ws = words.map(cap);
    if (style === 2) ws = words.map((w, i) => (i ? cap(w) : w));
    if (style === 3) ws = words.map((w) => w.toUpperCase());
    let s = ws.join(sep);
    if (rng.chance(0.2)) s += digitSuffix(rng);
    push(s);
  }
}

function fakeUser(rng) {
  const first = alphaWord(rng, rng.chance(0.5) ? 'female_names' : 'male_names', 2000, 3);
  const last = alphaWord(rng, 'surnames', 5000, 3);
  const company = rng.chance(0.3) ? alphaWord(rng, 'english_wikipedia', 5000, 4) : randomString(rng, LOWER, rng.range(4, 9));
  const domain = company + rng.pick(['.com', '.io', '.org', '.co.uk', '.de']);
  const local = rng.pick([first + '.' + last, first + last, first[0] + last, first + rng.range(1, 99), last + '_' + first, first]);
  const email = local + '@' + domain;
  const username = rng.pick([first + last, first + rng.range(1, 999), randomString(rng, LOWER, rng.range(5, 9)), last + first[0]]);
  return { first, last, company, domain, local, email, username };
}

function genUserInputs(rng, push) {
  push('password', ['password']);
  push('Password1', ['password']);
  push('john.smith@example.com', ['john.smith@example.com']);
  push('johnsmith', ['john', 'smith']);
  push('JohnSmith1990', ['John', 'Smith', 'john.smith@example.com']);
  push('alice', ['ALICE']);
  push('AliceAlice', ['alice']);
  push('ecila', ['alice']);
  push('@l1c3', ['alice']);
  push('', ['alice']);
  push('abc', ['']);
  push('passmeter2024', ['passmeter', '2024']);
  push('müller', ['Müller']);
  push('MÜLLER', ['müller']);
  push('пароль', ['Пароль']);
  push('İstanbul', ['istanbul']);
  push('😀secret', ['😀secret']);
  push('secret', ['secret', 'secret', 'SECRET']);
  push('abcdef', ['abc', 'def', 'abcdef']);
  push('qwerty', ['qwerty']);
  push('1234', ['1234']);
  push('a b', ['a b']);
  for (let k = 0; k < 1500; k++) {
    const u = fakeUser(rng);
    const inputsPool = [u.email, u.first, u.last, u.company, u.username, u.domain, u.local, cap(u.first), u.first + ' ' + u.last];
    const nIn = rng.weighted([[2, 1], [3, 2], [3, 3], [1, 5]]);
    const inputs = rng.shuffle(inputsPool).slice(0, nIn);
    if (rng.chance(0.1)) inputs.push(alphaWord(rng, 'passwords', 500)); // also in another dictionary: tie
    if (rng.chance(0.05)) inputs.push('');
    const pw = rng.weighted([
      [3, () => caseStyle(rng, u.first) + digitSuffix(rng)],
      [2, () => u.first + u.last],
      [2, () => cap(u.company) + digitSuffix(rng) + symbolSuffix(rng)],
      [2, () => u.local],
      [1, () => u.email],
      [1, () => u.username + symbolSuffix(rng)],
      [1, () => l33tify(rng, u.first, 0.8) + digitSuffix(rng)],
      [1, () => rev(u.last)],
      [1, () => u.last + fmtDate(rng, rng.range(1, 28), rng.range(1, 12), rng.range(1950, 2010))],
      [1, () => alphaWord(rng, 'passwords', 2000) + u.first],
      [1, () => randomString(rng, ALNUM, rng.range(6, 14))],
      [1, () => u.company + u.company],
      [1, () => u.first.toUpperCase() + '@' + u.domain],
    ])();
    push(pw, inputs);
  }
}

function genUnicode(rng, push) {
  for (const w of UNI_WORDS) push(w);
  for (const e of EMOJI) push(e);
  const extra = ['İ', 'i̇', 'ı', 'I', 'Σ', 'σ', 'ς', 'ΣΑΣ', 'ΑΣ', 'Σ1', 'AΣ B', 'ΌΣΟΣ', 'ὈΔΥΣΣΕΎΣ', 'ß', 'SS', 'ẞ', 'ﬃ',
    'Ǆ', 'ǅ', 'ǆ', 'Ω', 'Ω', 'K', 'Å', 'İi', 'Iİ', 'passwordİ', 'İpassword', 'İİpassword', 'pİassword', 'passİword1990',
    'İ1234', '1234İ', 'İqwerty', 'qwertyİ', 'İ12/3/1990', 'İaaaa', 'aaaaİ', 'İabcd', 'İİİİ', 'ǰǰǰ', 'ΐΐ', 'ŉŉ',
    'Passwörd', 'PASSWÖRD', 'pässwörd', 'motdepassé', 'contraseña123', 'Contraseña!', 'пароль123', 'Пароль2020',
    'qwertyйцукен', 'password密码', '密码123456', 'パスワード1', '😀password', 'password😀', 'pass😀word', '😀1234', '1😀2😀3',
    '👨‍👩‍👧‍👦family', 'love❤️', '🔥🔥fire', 'a\u0300b\u0301c\u0302', 'Zalgo\u0336\u0335', '\u200b', 'pass\u200bword',
    'pass\u200dword', '\ufeffpassword', 'pass\u00adword', '\u202epassword', 'ｐａｓｓｗｏｒｄ', 'ＰＡＳＳＷＯＲＤ', '１２３４５６',
    '١٢٣٤٥٦', '۱۲۳۴', '१२३४', '𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝', '𝟏𝟐𝟑', '𝕡𝕒𝕤𝕤', '\ud83d\ude00\ud83d\ude01', '🏻', '🏻🏻🏻', '\u0301', '\u0301abc'];
  for (const w of extra) push(w);
  for (let k = 0; k < 1300; k++) {
    const scriptName = rng.pick(Object.keys(SCRIPTS));
    const s = rng.weighted([
      [3, () => randomString(rng, SCRIPTS[scriptName], rng.range(1, 12))],
      [2, () => rng.pick(UNI_WORDS) + digitSuffix(rng)],
      [2, () => caseStyle(rng, rng.pick(UNI_WORDS))],
      [1, () => rng.pick(UNI_WORDS) + rng.pick(UNI_WORDS)],
      [2, () => alphaWord(rng, 'passwords', 3000) + rng.pick(EMOJI)],
      [1, () => rng.pick(EMOJI) + rng.pick(EMOJI) + rng.pick(EMOJI)],
      [1, () => randomString(rng, EMOJI, rng.range(1, 5))],
      [2, () => {
        // accent a dictionary word
        const w = alphaWord(rng, rng.pick(LIST_NAMES), 3000);
        const accents = { a: 'áàâäå', e: 'éèêë', i: 'íìîï', o: 'óòôöø', u: 'úùûü', n: 'ñ', c: 'ç', s: 'ß' };
        return w.split('').map((c) => (accents[c] && rng.chance(0.5) ? rng.pick(accents[c].split('')) : c)).join('');
      }],
      [1, () => {
        const w = alphaWord(rng, 'passwords', 3000);
        const pos = rng.int(w.length + 1);
        return caseStyle(rng, w.slice(0, pos) + 'İ' + w.slice(pos));
      }],
      [1, () => {
        const w = alphaWord(rng, rng.pick(LIST_NAMES), 3000);
        return w.split('').map((c) => (rng.chance(0.3) ? c + String.fromCharCode(0x300 + rng.int(0x70)) : c)).join('');
      }],
      [1, () => randomString(rng, [...SCRIPTS.greekUpper, 'Σ', 'Σ', ' '], rng.range(2, 10))],
      [1, () => randomString(rng, [...SCRIPTS.latin1, ...SCRIPTS.latinExtA, ...LOWER], rng.range(3, 14))],
    ])();
    push(s);
  }
}

function genWhitespace(rng, push) {
  const ws = [' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '\u00a0', '\u3000', '\u200b', '\v', '\f', '\u0085', '\u1680', '\u2003'];
  const ctl = [];
  for (let c = 0; c < 32; c++) ctl.push(String.fromCharCode(c));
  ctl.push('\u007f');
  for (const w of ws) {
    push(w);
    push(w.repeat(3));
    push('pass' + w + 'word');
    push(w + 'password' + w);
  }
  for (const c of ctl) {
    push(c);
    push('abc' + c + '123');
  }
  push(' '.repeat(8));
  push(' '.repeat(20));
  push('correct horse\nbattery staple');
  push('line1\r\nline2');
  push('\tpassword\t');
  push('a\u0000b');
  push('\u0000\u0000\u0000');
  for (let k = 0; k < 300; k++) {
    const parts = [];
    const n = rng.range(1, 4);
    for (let t = 0; t < n; t++) {
      parts.push(rng.weighted([[3, () => alphaWord(rng, rng.pick(LIST_NAMES), 3000)], [1, () => digitSuffix(rng)], [1, () => randomString(rng, ALNUM, rng.range(1, 5))]])());
    }
    let s = parts.join(rng.pick(ws));
    if (rng.chance(0.2)) s = rng.pick(ws) + s;
    if (rng.chance(0.2)) s += rng.pick([...ws, ...ctl]);
    if (rng.chance(0.2)) s = randomString(rng, [...ws, ...ctl, 'a', '1'], rng.range(1, 10));
    push(s);
  }
}

function genSingle(rng, push) {
  for (let c = 32; c < 127; c++) push(String.fromCharCode(c));
  for (const c of ['é', 'ß', 'İ', 'ı', 'Σ', 'ς', 'ж', 'Ж', '中', 'あ', 'ع', '😀', '👍🏽', '€', '£', '¥', '§', '°', '½', '\u00a0',
    '\u2028', '\ufffd', '\uffff', '𝐀', '🇺🇸', '1️⃣', 'K', 'Å']) push(c);
  // two characters
  for (let k = 0; k < 200; k++) push(randomString(rng, PRINTABLE, 2));
}

function genRandom(rng, push) {
  const sets = [
    [4, PRINTABLE], [3, ALNUM], [2, LOWER], [2, DIGITS], [1, LOWER + DIGITS], [1, '0123456789abcdef'], [1, UPPER + DIGITS],
    [1, SYMBOLS], [1, LOWER + UPPER], [1, 'abc123!@#'], [1, '01'],
  ];
  for (let len = 1; len <= 32; len++) {
    for (const [, set] of sets) push(randomString(rng, set, len));
  }
  for (let k = 0; k < 1700; k++) {
    const set = rng.weighted(sets);
    push(randomString(rng, set, rng.range(1, 32)));
  }
}

// One fragment of any kind, used for mixed combos and long passwords.
function fragment(rng, referenceYear) {
  return rng.weighted([
    [3, () => caseStyle(rng, anyWord(rng, 5000))],
    [2, () => l33tify(rng, alphaWord(rng, 'passwords', 3000), 0.7)],
    [2, () => digitSuffix(rng)],
    [1, () => symbolSuffix(rng)],
    [2, () => spatialWalk(rng, rng.pick(['qwerty', 'dvorak', 'keypad', 'mac_keypad']), rng.range(3, 8))],
    [1, () => randomString(rng, PRINTABLE, rng.range(1, 5)).repeat(rng.range(2, 4))],
    [1, () => { const st = rng.int(20); return rng.pick([LOWER, UPPER, DIGITS + DIGITS]).slice(st % 10, (st % 10) + rng.range(3, 6)); }],
    [2, () => fmtDate(rng, rng.range(1, 31), rng.range(1, 12), rng.range(1950, referenceYear + 5))],
    [1, () => String(rng.range(1950, referenceYear + 5))],
    [1, () => rng.pick(UNI_WORDS)],
    [1, () => rng.pick(EMOJI)],
    [1, () => randomString(rng, PRINTABLE, rng.range(2, 8))],
    [1, () => rng.pick([' ', '\t', '-', '_', '.'])],
  ])();
}

function genMixed(rng, push, referenceYear) {
  for (let k = 0; k < 700; k++) {
    const n = rng.range(2, 5);
    let s = '';
    for (let t = 0; t < n; t++) s += fragment(rng, referenceYear);
    if (s.length > 64) s = s.slice(0, 64);
    if (rng.chance(0.15)) {
      const u = fakeUser(rng);
      push(s + u.first, [u.first, u.email]);
    } else push(s);
  }
}

// Substitutions whose l33t character stands for one letter only: these keep
// zxcvbn.js's l33t enumeration small, so long l33t text stays fast enough.
const L33T_SIMPLE = { a: ['4', '@'], b: ['8'], e: ['3'], g: ['6', '9'], o: ['0'], s: ['$', '5'], x: ['%'], z: ['2'] };

// A machine-independent estimate of zxcvbn.js's work on a long password: its
// l33t matcher runs the whole dictionary match once per substitution map it
// enumerates, each O(n^2). Long candidates above the budget are redrawn, so
// every long case finishes in seconds, far below record.mjs's time cap, and
// the recorded set does not depend on the speed of the machine.
export const LONG_COST_BUDGET = 350_000;

export function longCost(password) {
  const subs = MATCHING.enumerate_l33t_subs(MATCHING.relevant_l33t_subtable(password, L33T_TABLE)).length;
  return Math.max(1, subs) * password.length * password.length;
}

function genLong(rng, push, referenceYear) {
  // 65..256 UTF-16 units. zxcvbn.js is slow on some long inputs (random
  // printable text, dense l33t with ambiguous characters, many overlapping
  // matches), so those kinds get shorter lengths; the ranges are chosen so
  // every case takes a few seconds at most, far under record.mjs's cap.
  const fill = (n, gen) => {
    let s = '';
    while (s.length < n) s += gen();
    return s.slice(0, n);
  };
  const kinds = [
    ['random_printable', 3, () => randomString(rng, PRINTABLE, rng.range(65, 90))],
    ['random_alnum', 3, () => randomString(rng, ALNUM, rng.range(100, 160))],
    ['digits', 3, () => randomString(rng, DIGITS, rng.range(100, 180))],
    ['lower', 2, () => randomString(rng, LOWER, rng.range(100, 220))],
    ['repeated_word', 4, () => {
      const w = caseStyle(rng, anyWord(rng, 3000));
      const n = rng.range(100, 256);
      return w.repeat(Math.ceil(n / w.length)).slice(0, n);
    }],
    ['single_char', 2, () => randomString(rng, PRINTABLE, 1).repeat(rng.range(100, 256))],
    ['walk', 3, () => {
      const graph = rng.pick(['qwerty', 'dvorak', 'keypad', 'mac_keypad']);
      return fill(rng.range(65, 120), () => spatialWalk(rng, graph, rng.range(4, 20)));
    }],
    ['l33t_dense', 2, () => fill(rng.range(65, 70), () => l33tify(rng, alphaWord(rng, 'passwords', 5000), 1.0))],
    ['l33t_simple', 2, () => fill(rng.range(100, 160), () => {
      const w = alphaWord(rng, 'passwords', 5000);
      return w.split('').map((c) => (L33T_SIMPLE[c] && rng.chance(0.8) ? rng.pick(L33T_SIMPLE[c]) : c)).join('');
    })],
    ['passphrase', 4, () => {
      const sep = rng.pick(['', ' ', '-']);
      return fill(rng.range(100, 256), () => alphaWord(rng, 'english_wikipedia', 20000, 2) + sep);
    }],
    ['sequence', 1, () => {
      const n = rng.range(100, 200);
      const st = rng.int(10);
      return rng.pick([LOWER + DIGITS + UPPER, rev(LOWER), DIGITS, LOWER]).repeat(30).slice(st, st + n);
    }],
    ['dates', 2, () => fill(rng.range(100, 160), () => fmtDate(rng, rng.range(1, 28), rng.range(1, 12), rng.range(1950, referenceYear)))],
    ['unicode', 2, () => fill(rng.range(100, 200), () => (rng.chance(0.5) ? rng.pick(UNI_WORDS) : rng.pick(EMOJI)))],
    ['emoji', 1, () => randomString(rng, EMOJI, rng.range(40, 100))],
    ['mixed', 4, () => fill(rng.range(65, 100), () => fragment(rng, referenceYear))],
  ];
  for (let k = 0; k < 380; k++) {
    const kind = rng.weighted(kinds.map(([name, w, f]) => [w, [name, f]]));
    for (let attempt = 0; attempt < 30; attempt++) {
      let s = kind[1]();
      if (s.length > 256) s = s.slice(0, 256);
      // do not end on a lone high surrogate
      if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
      if (s.length < LONG_MIN_UNITS || longCost(s) > LONG_COST_BUDGET) continue;
      push(s, [], { kind: kind[0] });
      break;
    }
  }
}

// Beyond 308 units, 10^length overflows a double: zxcvbn caps bruteforce
// guesses at Number.MAX_VALUE. A few cheap kinds (cost budget as above).
function genHuge(rng, push) {
  const kinds = [
    () => randomString(rng, LOWER, rng.range(309, 420)),
    () => randomString(rng, LOWER + UPPER, rng.range(309, 360)),
    () => { const w = alphaWord(rng, 'english_wikipedia', 5000, 4); return w.repeat(Math.ceil(400 / w.length)).slice(0, rng.range(309, 400)); },
    () => rng.pick(['a', 'z', '1', ' ', 'é']).repeat(rng.range(300, 400)),
    () => rng.pick(EMOJI).repeat(rng.range(100, 200)),
    () => { let t = ''; while (t.length < 330) t += alphaWord(rng, 'english_wikipedia', 20000, 3) + ' '; return t.trim(); },
    () => randomString(rng, EMOJI, 120) + randomString(rng, LOWER, 60),
  ];
  for (let k = 0; k < 16; k++) {
    const gen = kinds[k % kinds.length];
    for (let attempt = 0; attempt < 30; attempt++) {
      let s = gen();
      if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
      if (longCost(s) > LONG_COST_BUDGET) continue;
      push(s, [], { kind: 'huge' });
      break;
    }
  }
}


// ------------------------------------------------- JavaScript strings ----
// Inputs only JavaScript can hold, and zxcvbn's plain-object quirks. These
// categories keep lone surrogates (push's `lone` option) and non-string
// user inputs, which the others leave out.

const loneUnit = (rng) => String.fromCharCode(rng.chance(0.5) ? 0xd800 + rng.int(0x400) : 0xdc00 + rng.int(0x400));
const PAIR_EMOJI = EMOJI.filter((e) => /[\ud800-\udbff]/.test(e));

function insertAt(rng, s, piece) {
  const at = rng.int(s.length + 1);
  return s.slice(0, at) + piece + s.slice(at);
}

function genSurrogate(rng, push) {
  const fixed = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00', '\ude00\ud83d', '\ud83d\ud83d\ude00',
    '\ud800\ud800\ud800', '\udc00\udc00\udc00\udc00', '\ud800\ud801\ud802\ud803', '\udfff\udffe\udffd', 'a\ud800',
    '\ud800a', 'password\ud800', '\udc00password', 'pass\ud83dword', 'İqwerty😀', 'İİqwerty😀😀', 'İpassword😀',
    'İ😀', 'İİ😀', 'Σ😀', 'ΑΣ😀', 'İdragon🔥', 'qwerty\ud83d', '\ude00qwerty', '1234\ud800\ud8001234',
    '😀'.slice(0, 1) + 'abc', '😀😀😀'.slice(0, 5), '😀😀😀'.slice(1), '\ud83d\ude00\ude00', '\ud83d\ud83d'];
  for (const pw of fixed) push(pw, [], { lone: true });
  // A lone unit at a random place in every kind of password.
  for (let k = 0; k < 900; k++) {
    const base = rng.weighted([
      [3, () => alphaWord(rng, rng.pick(LIST_NAMES), 5000)],
      [2, () => caseStyle(rng, alphaWord(rng, 'passwords', 3000)) + digitSuffix(rng)],
      [1, () => l33tify(rng, alphaWord(rng, 'passwords', 3000))],
      [1, () => spatialWalk(rng, rng.pick(Object.keys(GRAPHS)), rng.range(3, 10))],
      [1, () => fmtDate(rng, rng.range(1, 28), rng.range(1, 12), rng.range(1950, 2030))],
      [1, () => rng.pick(['aaaa', 'abab', 'abcdef', '13579', 'zyxw', '1111'])],
      [1, () => randomString(rng, ALNUM, rng.range(1, 12))],
      [1, () => rng.pick(UNI_WORDS)],
      [1, () => randomString(rng, EMOJI, rng.range(1, 4))],
    ])();
    let pw = base;
    for (let n = rng.weighted([[6, 1], [2, 2], [1, 3]]); n > 0; n--) pw = insertAt(rng, pw, loneUnit(rng));
    if (rng.chance(0.15)) pw = pw.repeat(rng.range(2, 3));
    push(pw, [], { lone: true });
  }
  // Runs of lone units: repeats and sequences of code units.
  for (let k = 0; k < 120; k++) {
    const start = rng.chance(0.5) ? 0xd800 + rng.int(0x3f0) : 0xdc00 + rng.int(0x3f0);
    const step = rng.pick([0, 1, -1, 2, 5]);
    const n = rng.range(2, 8);
    let pw = '';
    for (let t = 0; t < n; t++) pw += String.fromCharCode(start + 8 + step * t);
    push(rng.chance(0.3) ? alphaWord(rng, 'passwords', 500) + pw : pw, [], { lone: true });
  }
  // Emoji split by lower-casing: İ lower-cases to two units, so the tokens
  // zxcvbn slices from the original password move by one and cut a pair.
  for (let k = 0; k < 350; k++) {
    const w = rng.weighted([
      [3, () => alphaWord(rng, rng.pick(['passwords', 'english_wikipedia', 'us_tv_and_film']), 3000)],
      [1, () => spatialWalk(rng, 'qwerty', rng.range(4, 8))],
      [1, () => String(rng.range(1950, 2030))],
    ])();
    const pre = 'İ'.repeat(rng.range(1, 3)) + (rng.chance(0.3) ? randomString(rng, LOWER, rng.range(0, 2)) : '');
    const emo = randomString(rng, PAIR_EMOJI, rng.range(1, 3));
    const pw = rng.weighted([
      [3, () => pre + w + emo],
      [1, () => pre + emo + w],
      [1, () => pre + w + emo + w],
      [1, () => caseStyle(rng, w) + 'İ' + emo + 'Σ'],
      [1, () => 'Σ'.repeat(rng.range(1, 2)) + pre + w + emo],
    ])();
    push(pw, [], { lone: true });
  }
  // Lone units in user inputs, found in the password (also as half of a pair).
  for (let k = 0; k < 250; k++) {
    const u = loneUnit(rng);
    const w = alphaWord(rng, 'surnames', 3000);
    const inputs = rng.shuffle([w + u, u, rng.pick(PAIR_EMOJI), alphaWord(rng, 'female_names', 2000)]).slice(0, rng.range(1, 4));
    const pw = rng.weighted([
      [2, () => w + u + digitSuffix(rng)],
      [1, () => rng.pick(inputs)],
      [1, () => rng.pick(PAIR_EMOJI) + w],
      [1, () => u + w + u],
      [1, () => cap(w) + rng.pick(PAIR_EMOJI).slice(0, 1)],
    ])();
    push(pw, inputs, { lone: true });
  }
}

// Names every JavaScript object answers to through Object.prototype, and
// others that look like them. zxcvbn's dictionaries are plain objects:
// `word of dict` finds "constructor" and "__proto__" in every one, and
// `dict["__proto__"] = rank` stores nothing in the user_inputs one.
const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf',
  'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__', 'prototype', 'proto', '__proto', 'proto__', '_proto_', 'length', 'name'];

function protoForm(rng, w) {
  return rng.weighted([
    [3, () => w],
    [2, () => w.toUpperCase()],
    [1, () => cap(w)],
    [2, () => rev(w)],
    [1, () => rev(w).toUpperCase()],
    [2, () => l33tify(rng, w, 0.8)],
    [1, () => caseStyle(rng, w)],
    [2, () => randomString(rng, ALNUM, rng.range(0, 3)) + w + digitSuffix(rng)],
    [1, () => w + w],
    [1, () => alphaWord(rng, 'passwords', 2000) + w],
  ])();
}

function genProto(rng, push) {
  for (const w of PROTO_NAMES) {
    for (const pw of [w, w.toUpperCase(), rev(w), l33tify(rng, w, 1), 'x' + w + '1']) {
      push(pw);
      push(pw, [w]);
      push(pw, [w.toUpperCase()]);
    }
  }
  push('__proto__', ['__proto__']);
  push('__PROTO__', ['__PROTO__']);
  push('__proto__', ['__proto__', '__proto__']);
  push('alice', ['__proto__', 'alice']);
  push('bob', ['alice', '__proto__', 'bob']);
  push('alice__proto__bob', ['alice', '__proto__', 'bob']);
  push('__pr0t0__', ['__proto__']);
  push('__otorp__', ['__proto__']);
  push('constructor', ['__proto__', 'constructor']);
  push('constructor', ['constructor', '__proto__']);
  push('tostring', ['toString']);
  push('hasownproperty', ['hasOwnProperty']);
  push('valueof', ['valueOf', '__proto__', 'valueof']);
  for (let k = 0; k < 500; k++) {
    const names = rng.shuffle(PROTO_NAMES).slice(0, rng.range(1, 3));
    const words = [alphaWord(rng, 'female_names', 2000), alphaWord(rng, 'surnames', 3000)];
    const inputs = rng.shuffle([...names.map((n) => protoForm(rng, n)), ...words.slice(0, rng.range(0, 2))]);
    if (rng.chance(0.2)) inputs.push(rng.pick(['__proto__', '__PROTO__']));
    const parts = [];
    for (let n = rng.range(1, 3); n > 0; n--) parts.push(rng.chance(0.7) ? protoForm(rng, rng.pick(names)) : rng.pick(words));
    push(parts.join(rng.pick(['', '', '_', '1', ' '])), rng.chance(0.8) ? inputs : []);
  }
}

// user_inputs that are not strings: zxcvbn keeps numbers and booleans as
// their String() lower-cased and skips the rest without taking a rank.
const NUMBERS = [0, -0, 1, -1, 7, 42, 1987, 2019, 123456, 1234567890, 0.1, 0.5, 1.5, -2.5, 3.14159, 1e21, 1e20, 1e-6,
  1e-7, 1.5e-7, 123456789012345680000, 2 ** 53 + 2, 1.7976931348623157e308, 5e-324, 2.5e25, 1234.5678, 0.000001234,
  100, 1e100, 6.02214076e23, -1e-10, 0.30000000000000004, 4.35, 9.999999999999999e20];
const NOT_INPUTS = [null, {}, [], ['x'], { a: 1 }, [1, 2]];

function genInputTypes(rng, push) {
  for (const x of NUMBERS) {
    const s = String(x).toLowerCase();
    push(s, [x]);
    push('pass' + s, [x]);
    push(s + 'x', [x, 'x']);
  }
  for (const b of [true, false]) {
    push(String(b), [b]);
    push(String(b).toUpperCase() + '1', [b]);
    push(rev(String(b)), [b]);
  }
  for (const x of NOT_INPUTS) {
    push('alice', [x, 'alice']);
    push('bob1', ['alice', x, 'bob']);
    push(String(x), [x]);
  }
  push('nan', [NaN]);
  push('infinity', [Infinity]);
  push('-infinity', [-Infinity]);
  for (let k = 0; k < 400; k++) {
    const pool = [rng.pick(NUMBERS), rng.range(0, 99999), rng.range(1950, 2030), rng.float() * 10 ** rng.range(-9, 25),
      rng.pick([true, false]), rng.pick(NOT_INPUTS), alphaWord(rng, 'female_names', 2000), alphaWord(rng, 'surnames', 3000)];
    const inputs = rng.shuffle(pool).slice(0, rng.range(1, 6));
    const shown = inputs.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map((x) => String(x));
    const pw = shown.length && rng.chance(0.85)
      ? rng.shuffle(shown).slice(0, rng.range(1, 2)).map((x) => caseStyle(rng, x)).join(rng.pick(['', '.', '!']))
      : alphaWord(rng, 'passwords', 3000) + digitSuffix(rng);
    push(pw, inputs);
  }
}

// Bruteforce long enough that zxcvbn's guesses * 36 (the throttled online
// crack time) overflows to Infinity: guesses above about 5e306.
function genInfinity(rng, push) {
  const kinds = [
    () => randomString(rng, LOWER, rng.range(310, 400)),
    () => randomString(rng, LOWER + UPPER, rng.range(300, 360)),
    () => randomString(rng, DIGITS, rng.range(310, 360)),
    () => randomString(rng, SCRIPTS.cjk, rng.range(250, 320)),
    () => randomString(rng, SCRIPTS.emoji, rng.range(130, 170)),
    () => insertAt(rng, randomString(rng, LOWER, rng.range(310, 360)), loneUnit(rng)),
    () => randomString(rng, LOWER, rng.range(300, 340)) + randomString(rng, EMOJI, 3).slice(0, -1),
    () => 'İ' + randomString(rng, LOWER, rng.range(305, 330)) + '😀',
  ];
  for (let k = 0; k < 48; k++) {
    const gen = kinds[k % kinds.length];
    for (let attempt = 0; attempt < 30; attempt++) {
      const s = gen();
      if (longCost(s) > LONG_COST_BUDGET) continue;
      push(s, rng.chance(0.3) ? [s.slice(0, 8)] : [], { kind: 'infinity', lone: true });
      break;
    }
  }
}

// ------------------------------------------------------------- corpus ----

const CATEGORIES = [
  ['empty', (rng, push) => push('')],
  ['ranked', genRanked],
  ['word_digits', genWordDigits],
  ['l33t', genL33t],
  ['spatial', genSpatial],
  ['repeat', genRepeat],
  ['sequence', genSequence],
  ['date', genDate],
  ['year', genYear],
  ['name', genName],
  ['passphrase', genPassphrase],
  ['user_inputs', genUserInputs],
  ['unicode', genUnicode],
  ['whitespace', genWhitespace],
  ['single', genSingle],
  ['random', genRandom],
  ['mixed', genMixed],
  ['long', genLong],
  ['huge', genHuge],
  ['surrogate', genSurrogate],
  ['proto', genProto],
  ['input_types', genInputTypes],
  ['infinity', genInfinity],
];

// Categories whose passwords may be longer than 64 units.
const LONG_CATS = new Set(['long', 'huge', 'infinity']);

export function generateCorpus(referenceYear = new Date().getFullYear()) {
  const out = [];
  const seen = new Set();
  for (const [cat, gen] of CATEGORIES) {
    const rng = new Rng((SEED ^ hashString(cat)) >>> 0);
    // meta: extra fields for the case (e.g. the kind of a long password);
    // record.mjs does not write them to the oracle file.
    const push = (password, user_inputs = [], meta = {}) => {
      if (typeof password !== 'string') throw new Error(`non-string password in ${cat}`);
      // Short categories stay short; long ones are the 'long' category.
      if (!LONG_CATS.has(cat) && password.length >= LONG_MIN_UNITS) password = password.slice(0, 64);
      // Outside the JavaScript-string categories, only well-formed UTF-16
      // (what UTF-8 input can express): drop a trailing high surrogate left
      // by a cut, skip anything else.
      if (!meta.lone) {
        if (/[\ud800-\udbff]$/.test(password)) password = password.slice(0, -1);
        const wellFormed = (u) => typeof u !== 'string' || u.isWellFormed();
        if (!password.isWellFormed() || !user_inputs.every(wellFormed)) return;
      }
      const key = JSON.stringify([password, user_inputs]);
      if (seen.has(key)) return;
      seen.add(key);
      const { lone, ...rest } = meta;
      out.push({ cat, password, user_inputs: user_inputs.slice(), ...rest });
    };
    gen(rng, push, referenceYear);
  }
  return out;
}

// `node corpus.mjs` prints the per-category counts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = generateCorpus();
  const counts = {};
  for (const c of corpus) counts[c.cat] = (counts[c.cat] || 0) + 1;
  console.log(counts);
  console.log('total', corpus.length);
}
