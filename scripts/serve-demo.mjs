#!/usr/bin/env node
// A small static file server for the demo and the web tests: serves a
// folder on 127.0.0.1, .wasm as application/wasm, a .br or .gz sibling
// when the browser takes it, and the strict Content-Security-Policy the
// demo must work under.
//
//   node scripts/serve-demo.mjs [--root DIR] [--port N] [--host H] [--no-csp]
//
// Imported, startServer({root, port, csp, cors, handle}) resolves to {url, close}.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

async function file(path) {
  const s = await stat(path).catch(() => null);
  return s && s.isFile() ? s : null;
}

/**
 * @param {{root?: string, host?: string, port?: number, csp?: string | false, cors?: boolean,
 *   handle?: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => boolean | Promise<boolean>}} [options]
 *   handle may answer a request itself and return true.
 */
export function startServer({ root = '.', host = '127.0.0.1', port = 0, csp = CSP, cors = false, handle } = {}) {
  const top = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (handle && (await handle(req, res))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const full = resolve(join(top, path));
      if (full !== top && !full.startsWith(top + sep)) {
        res.writeHead(403).end();
        return;
      }
      const found = await file(full);
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const headers = {
        'Content-Type': TYPES[extname(full)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        Vary: 'Accept-Encoding',
      };
      if (csp) headers['Content-Security-Policy'] = csp;
      if (cors) headers['Access-Control-Allow-Origin'] = '*'; // as a CDN serves the package
      let send = full;
      let size = found.size;
      const accept = String(req.headers['accept-encoding'] || '');
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${enc}\\b`).test(accept)) continue;
        const sib = await file(full + ext);
        // a sibling older than the file is stale (brotli keeps its input's time: a second of slack)
        if (sib && sib.mtimeMs + 1000 >= found.mtimeMs) {
          headers['Content-Encoding'] = enc;
          send = full + ext;
          size = sib.size;
          break;
        }
      }
      headers['Content-Length'] = String(size);
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(send).pipe(res);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`error: ${err.message}\n`);
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({
        url: `http://${host}:${p}/`,
        server,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const arg = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const root = arg('--root', join(fileURLToPath(new URL('..', import.meta.url))));
  const options = {
    root,
    host: arg('--host', '127.0.0.1'),
    port: Number(arg('--port', process.env.PORT || 8080)),
    csp: args.includes('--no-csp') ? false : CSP,
  };
  const { url } = await startServer(options).catch((err) => {
    if (err.code !== 'EADDRINUSE') throw err;
    console.error(`port ${options.port} is taken; using a free one`);
    return startServer({ ...options, port: 0 });
  });
  console.log(`passmeter demo: ${url}  (serving ${root}; Ctrl-C to stop)`);
}
