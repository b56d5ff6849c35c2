// window.passmeter, which the <script> build (passmeter.js) defines. A
// TypeScript page that uses the script tag adds
//   /// <reference types="passmeter/passmeter.js" />
// module users import from 'passmeter' and get no global.

import type { load, attach, locales, localizeFeedback } from './passmeter.js';

declare global {
  var passmeter: {
    load: typeof load;
    attach: typeof attach;
    locales: typeof locales;
    localizeFeedback: typeof localizeFeedback;
    version: string;
  };
}
