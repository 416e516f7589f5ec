/** Stops exactly the stores the setup started; a stack that was already running is left as it was. */
export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __STACK_STARTED__?: string[] }).__STACK_STARTED__ ?? [];
  if (started.length === 0 || process.env.KEEP_STACK === '1') return;
  const { stackDown } = await import('@shop/stack');
  await stackDown(started as Parameters<typeof stackDown>[0]);
}
