import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build -w @shop/web` writes the shop and the explorer. */
export const WEB_DIST_DIR = resolve(__dirname, '../../web/dist');

/** Paths that belong to the API, never to the single-page app: unknown ones stay 404s. */
export const API_PATH_PREFIXES = ['/graphql', '/api', '/health', '/ready', '/metrics'];

export interface WebAppOptions {
  /** The built web app; WEB_DIST_DIR by default. */
  root?: string;
  /** Path prefixes left to the API (and its 404s); API_PATH_PREFIXES by default. */
  apiPrefixes?: string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.ttf', '.txt']);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** Vite names bundles `<name>-<hash>.<ext>`. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
const LOOKS_LIKE_FILE = /\/[^/]*\.[A-Za-z0-9]{1,8}$/;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

interface Encoded {
  etag: string;
  raw: Buffer;
  br?: Promise<Buffer>;
  gzip?: Promise<Buffer>;
}

const decoded = (path: string): string | null => {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
};

const notFound = (reply: FastifyReply): FastifyReply => {
  reply.callNotFound();
  return reply;
};

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * Serves the built web app: its files, `/explorer` (the offline GraphiQL page), and index.html for
 * any other page path so client-side routes survive a reload (SPA fallback). Hashed files under
 * /assets are cached for a year (immutable); everything else is revalidated (ETag), so a deploy
 * shows at once. Text files go brotli- or gzip-compressed, each compressed once. API paths and
 * missing files are left to the app's 404 handler.
 */
export const webApp: FastifyPluginAsync<WebAppOptions> = async (app, options) => {
  const root = resolve(options.root ?? WEB_DIST_DIR);
  const apiPrefixes = options.apiPrefixes ?? API_PATH_PREFIXES;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'The web app is not built (run `npm run build -w @shop/web`); / answers 503');
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The shop is not built yet: run `npm run build -w @shop/web`. The API is at /graphql.'),
    );
    return;
  }

  // One entry per file, replaced when its size or mtime changes: a rebuild shows without a restart.
  const cache = new Map<string, Encoded>();

  const send = async (request: FastifyRequest, reply: FastifyReply, relative: string): Promise<FastifyReply> => {
    const file = resolve(root, relative);
    if (!file.startsWith(root + sep)) return notFound(reply);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound(reply);
    const extension = extname(file).toLowerCase();
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    reply
      .header('content-type', CONTENT_TYPES[extension] ?? 'application/octet-stream')
      .header('cache-control', relative.startsWith(`assets${sep}`) && HASHED_ASSET.test(relative) ? IMMUTABLE : REVALIDATE)
      .header('etag', etag)
      .header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();

    let entry = cache.get(file);
    if (entry?.etag !== etag) {
      entry = { etag, raw: await readFile(file) };
      cache.set(file, entry);
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.has(extension) && entry.raw.length > 1024) {
      if (/\bbr\b/.test(accepts)) {
        entry.br ??= brotli(entry.raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
        return reply.header('content-encoding', 'br').send(await entry.br);
      }
      if (/\bgzip\b/.test(accepts)) {
        entry.gzip ??= gzipped(entry.raw, { level: 9 });
        return reply.header('content-encoding', 'gzip').send(await entry.gzip);
      }
    }
    return reply.send(entry.raw);
  };

  app.get('/', (request, reply) => send(request, reply, 'index.html'));
  app.get('/explorer', (request, reply) => send(request, reply, 'explorer.html'));
  app.get('/*', (request, reply) => {
    const path = decoded(request.url.split('?')[0] ?? '/');
    if (path === null || path.includes('\0') || apiPrefixes.some((prefix) => isUnder(path, prefix))) return notFound(reply);
    if (LOOKS_LIKE_FILE.test(path)) return send(request, reply, join(...path.split('/').filter(Boolean)));
    return send(request, reply, 'index.html');
  });
};
