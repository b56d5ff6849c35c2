// Bundled by rollup.config.mjs.
import { run } from './app.js';

run();
