/** Starts (or reuses) the real datastores for the test run and hands their URLs to the workers. */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  // SKIP_STACK=1 runs only tests that need no datastore (repo checks) without starting one.
  if (process.env.SKIP_STACK === '1') return;
  const { stackUp } = await import('@shop/stack');
  const { connections, started } = await stackUp({ log: (line: string) => process.stdout.write(`[stack] ${line}\n`) });
  Object.assign(process.env, connections);
  (globalThis as { __STACK_STARTED__?: string[] }).__STACK_STARTED__ = started;
}
