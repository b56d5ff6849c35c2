// (want, got) => "" when a strengthCheck answer `got` has every field of
// the zxcvbn@4.4.2 oracle line `want` (core/zxcvbn/testdata), else what
// differs first. Numbers agree to 1e-9 relative (the oracle spells
// Infinity and NaN as strings), strings unit for unit, so a lone surrogate
// must come back as itself; each match has exactly zxcvbn's fields (plus
// base_matches, which the oracle leaves out). The wasm tests in Chromium
// (oracle_test.go) and under Node (node_test.mjs) both evaluate this file.
(want, got) => {
  if (!got || got.status_code !== 200) return 'answer ' + JSON.stringify(got);
  const num = (x) => (x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === 'NaN' ? NaN : x);
  const near = (g, w) => (Number.isNaN(w) ? Number.isNaN(g) : !Number.isFinite(w) ? g === w :
    g === w || Math.abs(g - w) <= 1e-9 * Math.abs(w));
  const show = (x) => (typeof x === 'number' ? String(x) : JSON.stringify(x));
  const diff = (path, w, g) => {
    w = num(w);
    if (typeof w === 'number') return typeof g === 'number' && near(g, w) ? '' : `${path}: ${show(g)}, want ${show(w)}`;
    if (path.endsWith('.rank') && g === null && (w === undefined || typeof w === 'object')) return ''; // a prototype name's rank
    if (w === null || typeof w !== 'object') return g === w ? '' : `${path}: ${show(g)}, want ${show(w)}`;
    if (g === null || typeof g !== 'object' || Array.isArray(w) !== Array.isArray(g)) return `${path}: ${show(g)}, want ${show(w)}`;
    if (Array.isArray(w) && w.length !== g.length) return `${path}: ${g.length} items, want ${w.length}`;
    for (const k of Object.keys(w)) {
      if (!(k in g)) return `${path}: no ${k}`;
      const d = diff(`${path}.${k}`, w[k], g[k]);
      if (d) return d;
    }
    if ('pattern' in w) {
      for (const k of Object.keys(g)) {
        if (!(k in w) && k !== 'base_matches' && k !== 'rank') return `${path}: field ${k} zxcvbn does not set`;
      }
    }
    return '';
  };
  for (const k of ['score', 'guesses', 'guesses_log10', 'crack_times_seconds', 'crack_times_display', 'sequence']) {
    const d = diff(k, want[k], got[k]);
    if (d) return d;
  }
  return diff('feedback', want.feedback, { warning: got.feedback.warning, suggestions: got.feedback.suggestions });
}
