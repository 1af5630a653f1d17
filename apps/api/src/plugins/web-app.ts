import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PactwatchError } from '@pactwatch/domain';
import type { FastifyReply } from 'fastify';
import type { Api } from '../route-deps.js';

/** Where `npm run build` puts the dashboard (apps/web/dist), from src/ or dist/ of this package. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface WebFile {
  readonly body: Buffer;
  readonly type: string;
  /** Hashed asset names never change content, so browsers may keep them for a year. */
  readonly immutable: boolean;
}

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [path];
  });
}

/**
 * The built files, read once at start-up and looked up by exact URL path: a request can only ever
 * get one of these, so there is no path to traverse. A few MB; rebuilding needs a restart.
 */
function loadFiles(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const path of listFiles(root)) {
    const url = `/${relative(root, path).split(sep).join('/')}`;
    files.set(url, { body: readFileSync(path), type: TYPES[extname(path)] ?? 'application/octet-stream', immutable: url.startsWith('/assets/') });
  }
  return files;
}

// Paths that belong to the API: an unknown one is a 404 problem, never the dashboard's HTML.
const API_PATHS = ['/api/', '/api', '/docs', '/openapi.json', '/health'];

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pactwatch</title></head><body>
<h1>pactwatch</h1><p>The API is running, but the web dashboard has not been built: run <code>npm run build</code> and restart <code>pactwatch serve</code>.</p>
<p>API documentation: <a href="/docs">/docs</a> · <a href="/openapi.json">/openapi.json</a></p></body></html>`;

function send(reply: FastifyReply, file: WebFile): FastifyReply {
  return reply
    .header('content-type', file.type)
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(file.body);
}

/**
 * Serves the dashboard from the same origin as the API (so the session cookie and CSRF header need
 * no CORS): hashed assets, and index.html for every other non-API path so the browser's router
 * can show /agreements/us-cn-2015 after a reload or from a shared link.
 */
export function registerWebApp(app: Api, webRoot: string | null): void {
  const files = webRoot !== null && existsSync(join(webRoot, 'index.html')) ? loadFiles(webRoot) : null;
  const index = files?.get('/index.html');
  const page = (reply: FastifyReply) =>
    index === undefined ? reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(NOT_BUILT) : send(reply, index);

  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => page(reply));
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (API_PATHS.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) {
      throw new PactwatchError('NOT_FOUND', `no route GET ${path}; see /openapi.json`);
    }
    const file = files?.get(path);
    if (file !== undefined) return send(reply, file);
    if (path.startsWith('/assets/')) throw new PactwatchError('NOT_FOUND', `no file ${path} in the dashboard build`);
    return page(reply);
  });
}
