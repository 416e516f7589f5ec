import type { RunningSubgraph } from '@shop/platform';

/**
 * Stops an in-process subgraph. `RunningSubgraph.close()` never resolves today: platform's onClose
 * hook calls `apollo.stop()`, whose Fastify drain plugin calls `app.close()` again and waits on the
 * close in progress. Until platform changes that, tests close the HTTP server directly.
 */
export async function stopServer(server: RunningSubgraph | undefined): Promise<void> {
  if (!server) return;
  server.app.server.closeAllConnections();
  await new Promise((resolve) => server.app.server.close(resolve));
}
