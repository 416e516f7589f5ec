/**
 * The peer for the bench: @graphql-hive/gateway serving the same supergraph.graphql (the same
 * subgraph URLs) on PORT, one process. Our subgraphs answer only requests with an identity the
 * gateway signed, so this peer signs one too, from the `x-bench-guest` header (a guest id): the
 * same identity our gateway signs for that guest's token. It does no sessions, rate limits,
 * operation limits or partner scopes, which ours does on every request.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { commonEnv, IDENTITY_HEADER, loadConfig, signIdentity } from '@shop/platform';
import { SUPERGRAPH_FILE } from '@shop/gateway';
import { z } from 'zod';

export const BENCH_GUEST_HEADER = 'x-bench-guest';

const config = loadConfig('bench-peer', z.object({ ...commonEnv, PORT: z.coerce.number().int().min(1) }));

const gateway = createGatewayRuntime({
  supergraph: readFileSync(SUPERGRAPH_FILE, 'utf8'),
  logging: 'warn',
  graphqlEndpoint: '/graphql',
  landingPage: false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const guestId = request.headers.get(BENCH_GUEST_HEADER);
      return guestId ? { [IDENTITY_HEADER]: signIdentity({ role: 'guest', guestId, scopes: [] }, config.IDENTITY_SECRET) } : {};
    },
  },
});

const server = createServer(gateway);
server.listen(config.PORT, '127.0.0.1');
const stop = () => {
  server.close();
  void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
