import { stackDown, type StoreName } from '@shop/stack';

/** Stops exactly the stores the setup started; a stack that was already running is left as it was. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __STACK_STARTED__?: StoreName[] }).__STACK_STARTED__ ?? [];
  if (started.length > 0 && process.env.KEEP_STACK !== '1') await stackDown(started);
}
