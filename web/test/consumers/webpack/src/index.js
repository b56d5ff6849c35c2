// webpack's zero-configuration build: src/index.js to dist/main.js.
import { run } from './app.js';

run();
