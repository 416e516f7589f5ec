import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stackDown, stackUp, tcpOpen } from '@shop/stack';
import { SERVICE_PORTS, type ServiceName } from '@shop/platform';
import { seedDemoIfEmpty } from './seed-demo';
import { ALL_SUBGRAPHS, REPO_ROOT, entryOf, startService, stopServices, waitUntilHealthy, type RunningService } from './services';

/** Another shop (or anything else) on our ports would answer our health checks: stop before starting. */
async function refuseBusyPorts(): Promise<void> {
  const names = Object.keys(SERVICE_PORTS) as ServiceName[];
  const busy = (await Promise.all(names.map(async (name) => ((await tcpOpen('127.0.0.1', SERVICE_PORTS[name])) ? name : null)))).filter(
    (name): name is ServiceName => name !== null,
  );
  if (busy.length === 0) return;
  const list = busy.map((name) => `${SERVICE_PORTS[name]} (${name})`).join(', ');
  process.stderr.write(`[start]            Port(s) ${list} already in use: is the shop already running? Stop it first.\n`);
  process.exit(1);
}

/**
 * `npm start`: brings up the datastores (installing them on first run), seeds the demo catalog
 * once, starts the seven subgraphs and the gateway, and stops all of it on Ctrl-C.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await refuseBusyPorts();
  const log = (line: string) => process.stdout.write(`[start]            ${line}\n`);
  log('Starting the datastores…');
  const { connections, started } = await stackUp({ log });
  const env: NodeJS.ProcessEnv = { ...process.env, ...connections, LOG_PRETTY: process.env.LOG_PRETTY ?? '1' };
  Object.assign(process.env, connections);

  const services: RunningService[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping services…');
    await stopServices(services);
    if (started.length > 0) {
      log(`Stopping the datastores this run started (${started.join(', ')})…`);
      await stackDown(started);
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    await seedDemoIfEmpty(log);
    buildWebAppIfMissing(log);
    const subgraphs = ALL_SUBGRAPHS.filter((name) => existsSync(entryOf(name)));
    for (const name of subgraphs) services.push(startService(name, env));
    await Promise.all(services.map((service) => waitUntilHealthy(service.name, service)));
    const gateway = startService('gateway', env);
    services.push(gateway);
    await waitUntilHealthy('gateway', gateway);
  } catch (error) {
    log(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
    return;
  }
  for (const service of services) {
    void service.exited.then((code) => {
      if (!stopping) {
        log(`${service.name} exited unexpectedly (code ${code}); stopping everything.`);
        void stop(1);
      }
    });
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const url = (name: ServiceName) => `http://localhost:${SERVICE_PORTS[name]}`;
  log('');
  log(`The shop is up (${seconds}s).`);
  log(`  The shop:     ${url('gateway')}/`);
  log(`  Explorer:     ${url('gateway')}/explorer`);
  log(`  GraphQL API:  ${url('gateway')}/graphql`);
  log(`  REST (OpenAPI): ${url('gateway')}/api/openapi.json`);
  log(`  Subgraphs: ${services.filter((s) => s.name !== 'gateway').map((s) => `${s.name} ${SERVICE_PORTS[s.name]}`).join(', ')}`);
  log('Press Ctrl-C to stop everything this command started.');
}

/** Builds the shop and the explorer when there is no build or the sources changed since it. */
function buildWebAppIfMissing(log: (line: string) => void): void {
  const built = join(REPO_ROOT, 'web/dist/index.html');
  if (existsSync(built) && newestSource(join(REPO_ROOT, 'web/src')) <= statSync(built).mtimeMs) return;
  log('Building the web app (first run or changed sources)…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@shop/web'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('the web app did not build (see the lines above)');
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

void main();
