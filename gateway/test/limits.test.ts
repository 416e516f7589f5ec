import { request as httpRequest } from 'node:http';
import { sha256Hex } from '@shop/accounts';
import { post, startAccounts, startGateway, type AccountsUnderTest, type GatewayUnderTest } from './support/gateway-harness';

/** Sends a body of the given size with a content-length, answering the status (the server may cut us off mid-body). */
function postBytes(url: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!request.write(piece)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

const nested = (depth: number) => `{ me { ${'id '.repeat(1)}${Array.from({ length: depth }, () => '__typename').join(' ')} } }`;

describe('gateway: operation and request limits', () => {
  let accounts: AccountsUnderTest;
  let gateway: GatewayUnderTest;
  beforeAll(async () => {
    accounts = await startAccounts();
    gateway = await startGateway({ accountsUrl: accounts.server.url, settings: { corsOrigins: ['https://shop.example'] } });
  });
  afterAll(async () => {
    await gateway?.close();
    await accounts?.close();
  });

  const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

  it('when an operation nests deeper than the limit, then LIMIT_EXCEEDED (depth) and no subgraph work', async () => {
    // given: products > variants > product > variants ... 12 levels
    let selection = 'id';
    for (let i = 0; i < 6; i += 1) selection = `variants { product { ${selection} } }`;
    // when
    const result = await post(gateway.url, `{ product(id: "p1") { ${selection} } }`);
    // then
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', max: 10 });
  });

  it('when an operation repeats a field under many aliases, then LIMIT_EXCEEDED (aliases)', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await post(gateway.url, `{ ${aliases} }`);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases' });
  });

  it('when an operation asks for huge pages of nested lists, then LIMIT_EXCEEDED (cost)', async () => {
    const result = await post(gateway.url, 'query($n: Int) { orders(first: $n) { edges { node { id } } } }', { n: 100_000 });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('when the same document first comes with a small page and then with a huge one, then the measure kept for the first does not let the second through', async () => {
    // given: the document measured (and its measure kept) with a page of 5
    const query = 'query Pages($n: Int) { orders(first: $n) { edges { node { id } } } }';
    const small = await post(gateway.url, query, { n: 5 });
    expect(codeOf(small)).not.toBe('LIMIT_EXCEEDED');
    // when
    const huge = await post(gateway.url, query, { n: 100_000 });
    // then
    expect(huge.errors![0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('when an operation has more root fields than allowed, then LIMIT_EXCEEDED (rootFields)', async () => {
    const result = await post(gateway.url, `{ ${Array.from({ length: 11 }, () => 'me { id }').join(' ')} }`);
    expect(codeOf(result)).toBe('LIMIT_EXCEEDED');
  });

  it('when a document has more tokens than allowed, then it is refused while parsing', async () => {
    const result = await post(gateway.url, nested(3000));
    expect(result.status).toBe(400);
    expect(codeOf(result)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('when a client sends a 10 MB body, then 413 before it is parsed', async () => {
    expect(await postBytes(gateway.url, 10 * 1024 * 1024)).toBe(413);
  });

  it('when a client batches operations in one request, then the batch is refused', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ me { id } }' }))),
    });
    expect(response.status).toBe(400);
  });

  it('when a cross-site page sends a simple (non-preflighted) request, then CSRF prevention refuses it', async () => {
    // when: a form-style POST and a GET without a preflight-forcing header
    const form = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"mutation { signOut { signedOut } }"}' });
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ me { id } }')}`);
    // then
    expect(form.status).toBe(400);
    expect(get.status).toBe(400);
  });

  it('when an internal @inaccessible operation is called through the gateway, then it does not exist there', async () => {
    for (const query of [`{ sessionIdentity(tokenHash: "${sha256Hex('x')}") { userId } }`, `{ apiKeyIdentity(keyHash: "${sha256Hex('x')}") { keyId } }`, '{ _service { sdl } }', '{ _entities(representations: []) { __typename } }']) {
      const result = await post(gateway.url, query);
      expect(result.status).toBe(400);
      expect(codeOf(result)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.data ?? null).toBeNull();
    }
  });

  it('when the web app origin sends a preflight, then CORS allows it with credentials; any other origin is refused', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('https://shop.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('when any response is sent, then it carries the security headers and no stack traces', async () => {
    const result = await post(gateway.url, '{ me { nope } }');
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
    expect(result.headers.get('x-frame-options')).toBe('DENY');
    expect(result.headers.get('referrer-policy')).toBe('no-referrer');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.ts|127\.0\.0\.1/);
  });

  it('when one address sends more requests than its rate, then 429 with Retry-After', async () => {
    // given: a gateway allowing 5 requests a minute per address
    const strict = await startGateway({ accountsUrl: accounts.server.url, settings: { perAddressPerMinute: 5 } });
    try {
      for (let i = 0; i < 5; i += 1) expect((await post(strict.url, '{ __typename }')).status).toBe(200);
      // when
      const over = await post(strict.url, '{ __typename }');
      // then
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(codeOf(over)).toBe('RATE_LIMITED');
      expect((await fetch(strict.url.replace('/graphql', '/health'))).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
