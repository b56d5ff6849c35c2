// Bundled by build.mjs.
import { run } from './app.js';

run();
