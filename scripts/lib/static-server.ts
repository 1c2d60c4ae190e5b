/**
 * A tiny static file server for dist/ on 127.0.0.1, used by `npm run
 * preview` and the browser tests. It serves the site under its base path
 * and answers 404 with dist/404.html, like a static CDN would.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export function serveStatic(root: string, options: { port?: number; base?: string } = {}): Promise<StaticServer> {
  const dir = resolve(root);
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const notFound = () => {
      const page = join(dir, '404.html');
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      res.end(existsSync(page) ? readFileSync(page) : 'Not found');
    };
    if (!pathname.startsWith(base)) return notFound();
    let file = normalize(join(dir, pathname.slice(base.length)));
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
