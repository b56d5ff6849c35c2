// The bundler entry (passmeter.browser.mjs, the "browser" condition): the
// package's files are named by literal new URL('./file', import.meta.url)
// expressions, the form Vite, webpack, Parcel and Next.js see, copy to
// their output and rewrite (esbuild and Rollup with the plugins in
// bundler-plugins.mjs); a computed URL they would not see. The names are
// relative to web/dist, where this module is built.

import { setAssets } from './base.js';
import { setLocaleLoader } from './i18n/index.js';
// { de: () => import('./locales/de.js'), ... }: literal imports, one chunk
// a locale (web/build.mjs writes this module from i18n/shipped.js)
import localeLoaders from 'passmeter:locale-loaders';

setAssets({
  wasmURL: () => new URL('./passmeter.wasm', import.meta.url).href,
  loadGo: () => import('./wasm_exec.js'),
  newWorker: (name) => new Worker(new URL('./passmeter.worker.js', import.meta.url), { name }),
  workerName: 'passmeter.worker.js, bundled',
});

setLocaleLoader((tag) => localeLoaders[tag]());

export { load, locales, localizeFeedback, version } from './index.js';
export { attachEarly as attach } from './early.js';
