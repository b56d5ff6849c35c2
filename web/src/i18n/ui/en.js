// passmeter's own words in English (zxcvbn's feedback is in ../feedback/en.js,
// written from Go). Every locale in ui/ has every key here, with the same
// {placeholders}.

export default {
  // the meter
  strength: 'Password strength',
  level0: 'Very weak',
  level1: 'Weak',
  level2: 'Fair',
  level3: 'Strong',
  level4: 'Very strong',
  empty: 'No password yet',
  announce: 'Password strength: {level}',
  tooWeak: 'Choose a stronger password.',
  tooWeakWarning: 'Choose a stronger password. {warning}.',
  // LUDS
  ludsLength1: 'Add 1 more character.',
  ludsLength: 'Add {n} more characters.',
  ludsKinds1: 'Add 1 more kind of character: {kinds}.',
  ludsKinds: 'Add {n} more kinds of characters: {kinds}.',
  lower: 'lowercase letters',
  upper: 'uppercase letters',
  digit: 'digits',
  symbol: 'symbols',
  or: ' or ',
  listSep: ', ',
  // NIST SP 800-63B (policy nist)
  nistLength: 'Use at least {min} characters ({n} more).',
  nistCommon: 'This password is too common.',
  nistContext: 'Do not use your own name, email or other details of this account.',
  nistPredicted: 'Avoid passwords made only of repeats, sequences or keyboard patterns.',
  // the breach check
  breachChecking: 'Checking known data breaches…',
  breachOk: 'Not found in known data breaches.',
  breached: 'This password has appeared in a data breach. Choose a different one.',
  breachUnavailable: 'Could not check known data breaches right now.',
  // states of the widget
  levelPending: 'Checking…',
  pending: 'Checking password strength…',
  levelBreached: 'Breached',
  levelTooLong: 'Too long',
  tooLong: 'This password is too long: use at most {max} characters (it has {n}).',
  levelFallback: 'Length only',
  engineFailed: 'The strength checker could not start, so only the length is checked: use at least {n} characters.',
  engineSlow: 'The strength checker is still loading, so only the length was checked: use at least {n} characters.',
  needLevel: 'Use a stronger password: at least “{level}”.',
  mismatch: 'The passwords do not match.',
};
