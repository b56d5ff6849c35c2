// A server-side re-check: no DOM lib, exact optional properties.
import { load, type StrengthResponse, type Match } from 'passmeter';

const pm = await load({ worker: false, referenceYear: 2024 });
const r: StrengthResponse = pm.strengthCheckSync({ password: 'Tr0ub4dour&3', email: 'ann@example.com' });
const words: string[] = r.sequence.flatMap((m: Match) => (m.pattern === 'dictionary' ? [m.matched_word] : []));
const graphs = r.sequence.map((m) => (m.pattern === 'spatial' ? m.graph : m.pattern === 'date' ? String(m.year) : ''));
// @ts-expect-error a bruteforce match has no matched_word
const none = r.sequence[0]?.pattern === 'bruteforce' ? r.sequence[0].matched_word : '';
// @ts-expect-error worker is a boolean, not undefined, under exactOptionalPropertyTypes
await load({ worker: undefined });
console.log(words, graphs, none, pm.thread);

// the zxcvbn drop-in
import zxcvbn, { type ZXCVBNResult } from 'passmeter/zxcvbn';
const z: ZXCVBNResult = zxcvbn('Tr0ub4dour&3', ['acme', 42, true]);
const crack: number = z.crack_times_seconds.offline_slow_hashing_1e4_per_second;
console.log(z.score, z.feedback.suggestions.length, crack, z.calc_time);
