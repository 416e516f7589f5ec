import { stackUp } from '@shop/stack';

/** Starts (or reuses) the real datastores for the test run and hands their URLs to the workers. */
export default async function globalSetup(): Promise<void> {
  const { connections, started } = await stackUp({ log: (line) => process.stdout.write(`[stack] ${line}\n`) });
  Object.assign(process.env, connections, { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  (globalThis as { __STACK_STARTED__?: string[] }).__STACK_STARTED__ = started;
}
