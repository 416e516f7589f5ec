import type { RunningSubgraph } from '@shop/platform';

/**
 * Closes a subgraph's HTTP server directly: platform's `RunningSubgraph.close()` never resolves
 * today (its onClose hook runs `apollo.stop()`, whose Fastify drain plugin calls `app.close()`
 * again and waits on the close in progress).
 */
export async function stopServer(server: RunningSubgraph): Promise<void> {
  server.app.server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.app.server.close((error) => (error ? reject(error) : resolve())));
}
