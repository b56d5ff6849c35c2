// Parcel builds src/index.html and what it loads.
import { run } from './app.js';

run();
