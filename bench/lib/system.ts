import { join } from 'node:path';
import { z } from 'zod';
import { commonEnv, loadConfig, SERVICE_PORTS, SUBGRAPH_NAMES, type ServiceName, type SubgraphName } from '@shop/platform';
import { stackDown, stackUp, type StoreName } from '@shop/stack';
import { seedDemoIfEmpty } from '../../scripts/seed-demo';
import { startService, stopServices, waitUntilHealthy, type RunningService } from '../../scripts/services';

/** The running shop the bench loads: started by the developer (`npm start`) or by the bench. */
export interface System {
  gatewayUrl: string;
  subgraphUrl(name: SubgraphName): string;
  serviceBase(name: ServiceName): string;
  identitySecret: string;
  startedByBench: boolean;
  /** Whether the services answer the round-trip probe (only those the bench started). */
  probe: boolean;
  /** The datastores' URLs (MONGODB_URL, …). */
  stores: Record<string, string>;
  stop(): Promise<void>;
}

const base = (name: ServiceName) => `http://127.0.0.1:${SERVICE_PORTS[name]}`;
/** High enough that the per-address rate limit never answers the bench's own load (loopback only). */
export const BENCH_RATE_LIMIT = '1000000000';

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function upServices(): Promise<ServiceName[]> {
  const names: ServiceName[] = ['gateway', ...SUBGRAPH_NAMES];
  const up = await Promise.all(names.map((name) => answers(`${base(name)}/${name === 'gateway' ? 'health' : 'ready'}`)));
  return names.filter((_, i) => up[i]);
}

/**
 * Finds the shop on its usual ports, or starts it: datastores (stackUp), the demo catalog when
 * empty (seedDemoIfEmpty), the seven subgraphs and the gateway, each with the round-trip probe
 * preloaded and the per-address rate limit lifted. `stop()` stops only what this call started.
 */
export async function ensureSystem(log: (line: string) => void, options: { forceReuse?: boolean } = {}): Promise<System> {
  const identitySecret = loadConfig('bench', z.object(commonEnv)).IDENTITY_SECRET;
  const { connections, started: stores } = await stackUp({ log: (line) => log(`stack: ${line}`) });
  Object.assign(process.env, connections);
  const stopStores = async (list: StoreName[]) => {
    if (list.length > 0) await stackDown(list);
  };
  const system = (startedByBench: boolean, probe: boolean, stop: () => Promise<void>): System => ({
    gatewayUrl: `${base('gateway')}/graphql`,
    subgraphUrl: (name) => `${base(name)}/graphql`,
    serviceBase: base,
    identitySecret,
    startedByBench,
    probe,
    stores: { ...connections },
    stop,
  });

  const up = await upServices();
  if (up.length === SUBGRAPH_NAMES.length + 1 || (options.forceReuse && up.includes('gateway'))) {
    const probe = await answers(`${base('catalog')}/__bench/round-trips`);
    log(`using the running shop (gateway ${base('gateway')})${probe ? ' with the round-trip probe' : ''}`);
    return system(false, probe, () => stopStores(stores));
  }
  if (up.length > 0) {
    await stopStores(stores);
    throw new Error(`Only part of the shop is running (${up.join(', ')}); stop it or start all of it with npm start, then run the bench again.`);
  }

  log('starting the shop (datastores, demo catalog, subgraphs, gateway)…');
  await seedDemoIfEmpty((line) => log(`seed: ${line}`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...connections,
    BENCH_PROBE: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, '..', 'probe', 'preload.cjs')}`.trim(),
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: BENCH_RATE_LIMIT,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    LOG_PRETTY: '0',
  };
  const services: RunningService[] = [];
  const stop = async () => {
    await stopServices(services);
    await stopStores(stores);
  };
  try {
    for (const name of SUBGRAPH_NAMES) services.push(startService(name, env));
    await Promise.all(services.map((service) => waitUntilHealthy(service.name, service, 180_000)));
    const gateway = startService('gateway', env);
    services.push(gateway);
    await waitUntilHealthy('gateway', gateway, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  log('the shop is up');
  return system(true, true, stop);
}
