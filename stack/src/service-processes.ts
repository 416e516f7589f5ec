// The shop's own services as child processes: `npm start`, the browser tests, the benchmarks and
// the crash tests all start, wait for and stop them the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = join(__dirname, '..', '..');

const TAIL_LINES = 40;
const running = new Set<ChildProcess>();
// A parent that dies must not leave services behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Its last output lines, for failure messages. */
  tail(): string;
}

export interface StartProcessOptions {
  env: NodeJS.ProcessEnv;
  /** Also write the output to this file. */
  logFile?: string;
  /** Echo each output line to this process's stdout, prefixed with the service's name. */
  echo?: boolean;
}

/** Runs a TypeScript entry (absolute, or relative to the repository) with `node --import tsx`. */
export function startServiceProcess(name: string, entry: string, options: StartProcessOptions): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', isAbsolute(entry) ? entry : join(REPO_ROOT, entry)], {
    cwd: REPO_ROOT,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  const label = `[${name}]`.padEnd(18);
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      log?.write(`${line}\n`);
      if (options.echo) process.stdout.write(`${label} ${line}\n`);
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
    });
  }
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      log?.end();
      resolve(code);
    }),
  );
  return { name, child, exited, tail: () => lines.join('\n') };
}

/** Polls `url` until it answers 2xx; fails early, with the process's last lines, when it exits. */
export async function waitForUrl(service: ServiceProcess, url: string, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${service.name} exited (code ${exitCode}) while starting:\n${service.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${service.tail()}`);
}

/** SIGTERM, then SIGKILL after `timeoutMs`; resolves when every process has exited. */
export async function stopProcesses(services: readonly ServiceProcess[], timeoutMs = 10_000): Promise<void> {
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
