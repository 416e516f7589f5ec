/** Starts (or reuses) the real datastores for the test run and hands their URLs to the workers. */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  // Node 20 is supported; the SDK's notice about its 2027 releases is not a test failure.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // SKIP_STACK=1 runs only tests that need no datastore (repo checks) without starting one.
  if (process.env.SKIP_STACK === '1') return;
  const { stackUp } = await import('@shop/stack');
  const { connections, started } = await stackUp({ log: (line: string) => process.stdout.write(`[stack] ${line}\n`) });
  Object.assign(process.env, connections);
  (globalThis as { __STACK_STARTED__?: string[] }).__STACK_STARTED__ = started;
}
