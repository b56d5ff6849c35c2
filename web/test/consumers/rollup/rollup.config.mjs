// The README's Rollup recipe: node-resolve with the browser condition,
// then passmeter's plugin, which emits the wasm, the worker and
// wasm_exec.js as assets. Built as an ES module and as a classic script.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { passmeterRollup } from 'passmeter/plugins';

export default ['es', 'iife'].map((format) => ({
  input: 'src/main.js',
  output: { dir: `dist/${format}`, format },
  plugins: [nodeResolve({ browser: true }), passmeterRollup()],
}));
