import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDENTITY_HEADER, verifyIdentity, type Identity } from '@shop/platform';
import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';

export interface CatalogStub {
  url: string;
  /** Each request the stub answered: who asked and what. */
  requests: Array<{ identity: Identity; query: string; variables: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * Stands in for the catalog subgraph's `products(sort: NEWEST)` (the catalog's listing is built
 * in parallel by another engineer): answers the ids `newestIds` gives for the category filter (null: none), only to a signed identity.
 */
export async function startCatalogStub(newestIds: (category: string | null) => string[]): Promise<CatalogStub> {
  const requests: CatalogStub['requests'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      try {
        const identity = verifyIdentity(String(request.headers[IDENTITY_HEADER] ?? ''), TEST_IDENTITY_SECRET);
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        requests.push({ identity, query, variables });
        const first = Number(variables.first ?? 10);
        const category = /category: "([^"]*)"/.exec(query)?.[1] ?? null;
        const edges = newestIds(category).slice(0, first).map((id) => ({ node: { id } }));
        response.end(JSON.stringify({ data: { products: { edges } } }));
      } catch {
        response.statusCode = 401;
        response.end(JSON.stringify({ errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
