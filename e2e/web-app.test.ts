import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
// The plugin is this workspace's part of the gateway; the gateway registers it.
import { webApp } from '@shop/gateway';

const BUNDLE = `console.log(${JSON.stringify('meridian '.repeat(400))});\n`;

function builtApp(): string {
  const dist = mkdtempSync(join(tmpdir(), 'shop-web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Meridian</title><div id="root"></div>');
  writeFileSync(join(dist, 'explorer.html'), '<!doctype html><title>Explorer</title>');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, 'assets', 'shop-Ab12Cd34.js'), BUNDLE);
  return dist;
}

interface Answer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent (not decompressed). */
  rawPayload: Buffer;
  body: string;
  json(): unknown;
}

/** A plain HTTP client that shows the bytes on the wire (fetch would decompress them). */
function call(app: FastifyInstance, path: string, options: { method?: string; headers?: Record<string, string>; payload?: unknown } = {}): Promise<Answer> {
  const { port } = app.server.address() as AddressInfo;
  const body = options.payload === undefined ? undefined : JSON.stringify(options.payload);
  const headers = { ...options.headers, ...(body ? { 'content-type': 'application/json' } : {}) };
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const rawPayload = Buffer.concat(chunks);
        resolve({
          statusCode: incoming.statusCode ?? 0,
          headers: incoming.headers,
          rawPayload,
          body: rawPayload.toString('utf8'),
          json: () => JSON.parse(rawPayload.toString('utf8')),
        });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function gatewayWith(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.post('/graphql', async () => ({ data: { ok: true } }));
  app.get('/api/trending', async () => ({ products: [] }));
  await app.register(webApp, { root });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}

describe('the gateway serving the built web app', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = builtApp();
    app = await gatewayWith(dist);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('when a page of the app is opened directly, then index.html answers and is revalidated every time', async () => {
    // when
    const pages = await Promise.all(['/', '/p/some-shirt', '/c/apparel?brand=Nike', '/orders/123'].map((url) => call(app, url)));
    // then
    for (const page of pages) {
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<div id="root">');
    }
  });

  it('when the explorer is opened, then its own page answers', async () => {
    const response = await call(app, '/explorer');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Explorer</title>');
  });

  it('when a hashed bundle is asked for, then it is cached for a year and sent compressed as the browser accepts', async () => {
    // when
    const brotli = await call(app, '/assets/shop-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await call(app, '/assets/shop-Ab12Cd34.js', { headers: { 'accept-encoding': 'gzip' } });
    const plain = await call(app, '/assets/shop-Ab12Cd34.js', { headers: { 'accept-encoding': 'identity' } });
    // then
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(BUNDLE);
    expect(brotli.rawPayload.length).toBeLessThan(BUNDLE.length / 4);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(BUNDLE);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });

  it('when the browser already has the file, then 304 answers without a body', async () => {
    const first = await call(app, '/favicon.svg');
    const again = await call(app, '/favicon.svg', { headers: { 'if-none-match': String(first.headers.etag) } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/svg+xml');
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('when an API path or a file that does not exist is asked for, then 404 answers and the API routes still work', async () => {
    // when
    const missing = await Promise.all(['/api/nope', '/api', '/graphql/extra', '/health/x', '/assets/gone-Zz99Yy88.js', '/robots.txt'].map((url) => call(app, url)));
    const api = await call(app, '/api/trending');
    const graphql = await call(app, '/graphql', { method: 'POST', payload: { query: '{ ok }' } });
    // then
    for (const response of missing) expect(response.statusCode).toBe(404);
    expect(api.json()).toEqual({ products: [] });
    expect(graphql.json()).toEqual({ data: { ok: true } });
  });

  it('when a path tries to leave the build folder, then nothing outside it is served', async () => {
    // given a file right next to the build folder
    const outside = mkdtempSync(join(tmpdir(), 'shop-web-outside-'));
    const nested = join(outside, 'dist');
    mkdirSync(nested);
    writeFileSync(join(nested, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET');
    const server = await gatewayWith(nested);
    // when
    const attempts = await Promise.all(
      ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/secret.txt%00.js'].map((url) => call(server, url)),
    );
    // then
    for (const response of attempts) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('TOP-SECRET');
    }
    await server.close();
    rmSync(outside, { recursive: true, force: true });
  });

  it('when the app was not built, then / says how to build it instead of failing', async () => {
    // given
    const empty = mkdtempSync(join(tmpdir(), 'shop-web-empty-'));
    const bare = Fastify({ logger: false });
    await bare.register(webApp, { root: empty });
    await bare.listen({ port: 0, host: '127.0.0.1' });
    // when
    const response = await call(bare, '/');
    // then
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build -w @shop/web');
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
