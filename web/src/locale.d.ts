// Types for passmeter/locales/<tag>: a locale's script registers its texts
// and exports nothing.
export {};
