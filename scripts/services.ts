import { join } from 'node:path';
import { SERVICE_PORTS, SUBGRAPH_NAMES, type ServiceName } from '@shop/platform';
import { REPO_ROOT, startServiceProcess, stopProcesses, waitForUrl, type ServiceProcess } from '@shop/stack';

export { REPO_ROOT };

export interface RunningService extends ServiceProcess {
  name: ServiceName;
}

export function entryOf(name: ServiceName): string {
  return name === 'gateway' ? join(REPO_ROOT, 'gateway/src/index.ts') : join(REPO_ROOT, 'subgraphs', name, 'src/index.ts');
}

/** Starts one service on its well-known port, its output echoed with its name. */
export function startService(name: ServiceName, env: NodeJS.ProcessEnv): RunningService {
  return { ...startServiceProcess(name, entryOf(name), { env: { ...env, PORT: String(SERVICE_PORTS[name]) }, echo: true }), name };
}

export async function waitUntilHealthy(name: ServiceName, service: RunningService, timeoutMs = 180_000): Promise<void> {
  await waitForUrl(service, `http://127.0.0.1:${SERVICE_PORTS[name]}/${name === 'gateway' ? 'health' : 'ready'}`, timeoutMs);
}

export const stopServices = stopProcesses;

export const ALL_SUBGRAPHS = SUBGRAPH_NAMES;
