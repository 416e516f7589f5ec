import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

const running = new Set<ChildProcess>();
// A test run that dies must not leave services behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServiceProcess {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last lines it printed, for failure messages. */
  tail(): string;
}

/** Runs a service's TypeScript entry (as `npm start` does) with its output kept in a log file. */
export function startProcess(name: string, entry: string, port: number, env: NodeJS.ProcessEnv, logDir: string): ServiceProcess {
  const log: WriteStream = createWriteStream(join(logDir, `${name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      log.end();
      resolve(code);
    }),
  );
  return { name, url: `http://127.0.0.1:${port}`, child, exited, tail: () => lines.join('\n') };
}

/** Polls a health URL until it answers 2xx; fails early when the process exits. */
export async function waitUntilReady(service: ServiceProcess, path: string, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${service.name} exited (code ${exitCode}) while starting:\n${service.tail()}`);
    try {
      const response = await fetch(`${service.url}${path}`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready at ${service.url}${path} within ${timeoutMs / 1000}s:\n${service.tail()}`);
}

export async function stopProcesses(services: ServiceProcess[], timeoutMs = 10_000): Promise<void> {
  await Promise.all(
    services.map(async (service) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return;
      service.child.kill('SIGTERM');
      const timer = setTimeout(() => service.child.kill('SIGKILL'), timeoutMs);
      await service.exited;
      clearTimeout(timer);
    }),
  );
}
