import gql from 'graphql-tag';
import { createLogger, createSubgraphApp, listen, type BaseContext } from '../src';
import { callGraphQL, identities, TEST_IDENTITY_SECRET } from '../testing';

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  "A test entity."
  type Thing @key(fields: "id") {
    "Id."
    id: ID!
  }
  type Query {
    "Echo the caller's role."
    whoami: String!
  }
`;

async function start() {
  const app = await createSubgraphApp<BaseContext>({
    name: 'probe',
    typeDefs,
    resolvers: { Query: { whoami: (_: unknown, __: unknown, context: BaseContext) => context.identity.role } },
    logger: createLogger('probe', 'silent'),
    identitySecret: TEST_IDENTITY_SECRET,
    context: (base) => base,
    readiness: async () => undefined,
  });
  return listen(app, 0);
}

describe('the subgraph server', () => {
  it('when a request carries a valid signed identity, then resolvers see that identity', async () => {
    const server = await start();
    const result = await callGraphQL<{ whoami: string }>(server.url, '{ whoami }', {}, { identity: identities.partner() });
    expect(result.data).toEqual({ whoami: 'partner' });
    await server.close();
  });

  it('when a request has no identity, then it gets 401 even for _service', async () => {
    const server = await start();
    const result = await callGraphQL(server.url, '{ _service { sdl } }', {}, { identity: null });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await server.close();
  });

  it('when the server is closed after serving requests, then close resolves and the port is released', async () => {
    const server = await start();
    await callGraphQL(server.url, '{ whoami }');
    await expect(server.close()).resolves.toBeUndefined();
    await expect(fetch(server.url.replace('/graphql', '/health'))).rejects.toThrow();
  });

  it('when /health and /ready are asked without identity, then they answer', async () => {
    const server = await start();
    const base = server.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    await server.close();
  });
});
