import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '@shop/platform';
import { isolatedStores } from './isolated-stores';
import { freePorts, startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess } from '@shop/stack';
import { seedShop, type SeedSummary } from './seed-shop';

export interface ShopSystem {
  /** Where the browser goes: the gateway, serving the built web app and /graphql. */
  url: string;
  gatewayUrl: string;
  seeded: SeedSummary;
  logDir: string;
  stop(): Promise<void>;
}

const IDENTITY_SECRET = 'e2e-identity-secret-0123456789abcdef0123';

/**
 * The whole shop as `npm start` runs it — seven subgraphs and the gateway as child processes on
 * free ports — over the real stores, with this run's own databases and a seeded catalog.
 */
export async function startShopSystem(log: (line: string) => void = () => undefined): Promise<ShopSystem> {
  const stores = isolatedStores();
  const logDir = mkdtempSync(join(tmpdir(), 'shop-e2e-logs-'));
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await stopProcesses(services);
    await stores.drop();
  };
  const startedAt = Date.now();
  const seconds = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
  try {
    const ports = await freePorts(SUBGRAPH_NAMES.length + 1);
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[index]}/graphql`]));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...stores.env,
      ...urls,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      LOG_PRETTY: '0',
      IDENTITY_SECRET,
      INDEX_POLL_INTERVAL_MS: '1000',
    };
    log('Seeding the catalog and stock…');
    const seeded = await seedShop(env);
    log(`Seeded in ${seconds()}; starting the subgraphs (logs in ${logDir})…`);
    const start = (name: string, entry: string, port: number, serviceEnv: NodeJS.ProcessEnv) =>
      startServiceProcess(name, entry, { env: { ...serviceEnv, PORT: String(port) }, logFile: join(logDir, `${name}.log`) });
    SUBGRAPH_NAMES.forEach((name, index) => services.push(start(name, `subgraphs/${name}/src/index.ts`, ports[index]!, env)));
    await Promise.all(
      SUBGRAPH_NAMES.map((name, index) =>
        waitForUrl(services[index]!, `http://127.0.0.1:${ports[index]}/ready`, 120_000).then(() => log(`${name} ready at ${seconds()}`)),
      ),
    );
    const gatewayPort = ports[SUBGRAPH_NAMES.length]!;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const gateway = start('gateway', 'gateway/src/index.ts', gatewayPort, { ...env, PUBLIC_ORIGIN: gatewayUrl });
    services.push(gateway);
    await waitForUrl(gateway, `${gatewayUrl}/health`, 60_000);
    log(`gateway ready at ${seconds()}`);

    const home = await fetch(`${gatewayUrl}/`);
    if (!(home.headers.get('content-type') ?? '').includes('text/html')) {
      throw new Error(`The gateway does not serve the web app at / (HTTP ${home.status}, ${home.headers.get('content-type')})`);
    }
    return { url: gatewayUrl, gatewayUrl, seeded, logDir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
