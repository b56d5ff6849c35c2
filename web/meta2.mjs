import * as esbuild from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';
const r = await esbuild.build({ entryPoints: [process.argv[2]], bundle: true, minify: true, format: 'iife', platform: 'browser', write: false, metafile: true, legalComments: 'none', target: ['es2020'], define: { __PASSMETER_VERSION__: '"x"', __PASSMETER_BROWSER__: 'true' }, external: ['*wasm_exec.js'] });
const out = Object.values(r.metafile.outputs)[0];
for (const [k, v] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) console.log(v.bytesInOutput, k);
console.log('total', r.outputFiles[0].contents.length, 'brotli', brotliCompressSync(r.outputFiles[0].contents, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
