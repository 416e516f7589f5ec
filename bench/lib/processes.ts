import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../scripts/services';

/** A process the bench started beside the shop (a scale catalog, the peer gateway…). */
export interface ExtraProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Its last output lines, shown when it fails. */
  tail: string[];
}

/** Starts a TypeScript entry as its own process (`node --import tsx`), output kept quiet. */
export function startProcess(name: string, entry: string, env: NodeJS.ProcessEnv): ExtraProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited, tail };
}

/** Waits until `url` answers 2xx; fails early, with the process's last lines, if it exits. */
export async function waitForUrl(proc: ExtraProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${proc.name} exited (${exitCode}) while starting:\n${proc.tail.join('\n')}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${proc.tail.join('\n')}`);
}

export async function stopProcesses(procs: readonly ExtraProcess[]): Promise<void> {
  await Promise.all(
    procs.map(async (proc) => {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
      proc.child.kill('SIGTERM');
      const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000);
      await proc.exited;
      clearTimeout(timer);
    }),
  );
}
