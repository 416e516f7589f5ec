import { parseArgs } from 'node:util';
import { stackDown, stackUp } from '@shop/stack';
import { seedDemo } from './seed-demo';

/**
 * `npm run seed -- [--size N] [--fashion [path]] [--replace]`: loads the generated demo catalog
 * (2,000 products by default, up to 100,000) or the real fashion catalog, with regional stock.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      fashion: { type: 'boolean', default: false },
      'fashion-path': { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const size = values.size ? Number(values.size) : undefined;
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 100_000)) {
    throw new Error('--size must be a whole number from 1 to 100000');
  }
  const log = (line: string) => console.log(`[seed] ${line}`);
  const { connections, started } = await stackUp({ log });
  Object.assign(process.env, connections);
  try {
    const count = await seedDemo(
      { size, source: values.fashion ? 'fashion' : 'generated', fashionPath: values['fashion-path'], replace: values.replace },
      log,
    );
    log(`Done: ${count} products.`);
  } finally {
    if (started.length > 0) await stackDown(started);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
