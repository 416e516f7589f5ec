import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SERVICE_PORTS, SUBGRAPH_NAMES, type ServiceName } from '@shop/platform';

export const REPO_ROOT = join(__dirname, '..');

export interface RunningService {
  name: ServiceName;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function entryOf(name: ServiceName): string {
  return name === 'gateway' ? join(REPO_ROOT, 'gateway/src/index.ts') : join(REPO_ROOT, 'subgraphs', name, 'src/index.ts');
}

/** Starts one service as a child process running its TypeScript entry, with its output prefixed. */
export function startService(name: ServiceName, env: NodeJS.ProcessEnv): RunningService {
  const child = spawn(process.execPath, ['--import', 'tsx', entryOf(name)], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(SERVICE_PORTS[name]), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const label = `[${name}]`.padEnd(18);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label} ${line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

export async function waitUntilHealthy(name: ServiceName, service: RunningService, timeoutMs = 180_000): Promise<void> {
  const url = `http://127.0.0.1:${SERVICE_PORTS[name]}/${name === 'gateway' ? 'health' : 'ready'}`;
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${name} exited with code ${exitCode} while starting (see its log lines above)`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become ready at ${url} within ${timeoutMs / 1000}s`);
}

export async function stopServices(services: RunningService[], timeoutMs = 10_000): Promise<void> {
  await Promise.all(
    services.map(async (service) => {
      if (service.child.exitCode !== null) return;
      service.child.kill('SIGTERM');
      const timer = setTimeout(() => service.child.kill('SIGKILL'), timeoutMs);
      await service.exited;
      clearTimeout(timer);
    }),
  );
}

export const ALL_SUBGRAPHS = SUBGRAPH_NAMES;
