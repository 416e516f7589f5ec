import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { identities } from '@shop/platform/testing';
import { appendOnlyEnabled } from '../src/data-access/redis';
import { ADD, CART, startCartHarness, type CartView, type PayloadView } from './support/cart-harness';

const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A private Redis with the stack's persistence settings (AOF, fsync every second), so restarting it disturbs no one. */
async function startPrivateRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''], {
    stdio: 'ignore',
  });
  const probe = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      probe.disconnect();
      await sleep(100);
    }
  }
  child.kill('SIGKILL');
  throw new Error('private redis-server did not start');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

describe('cart durability', () => {
  it('when the stack\'s Redis is asked, then it writes an append-only file', async () => {
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      expect(await appendOnlyEnabled(redis)).toBe(true);
    } finally {
      await redis.quit();
    }
  });

  (REDIS_SERVER ? it : it.skip)('when Redis restarts, then a cart changed just before is still there and can change again', async () => {
    // given a cart on a private Redis with the stack's persistence settings
    const dir = mkdtempSync(join(tmpdir(), 'cart-aof-'));
    const port = await freePort();
    let redis = await startPrivateRedis(port, dir);
    const shop = await startCartHarness({ products: 2, redisUrl: `redis://127.0.0.1:${port}` });
    try {
      const guest = identities.guest();
      await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-0-s', quantity: 3 });
      // when Redis restarts
      await stop(redis);
      redis = await startPrivateRedis(port, dir);
      // then the cart is back, and the write scripts (lost with the restart) load again
      const cart = await shop.data<{ cart: CartView }>(guest, CART);
      expect(cart.cart.lines.map((line) => [line.sku, line.quantity])).toEqual([['prod-0-s', 3]]);
      const more = await shop.data<{ addToCart: PayloadView }>(guest, ADD, { sku: 'prod-0-s', quantity: 1 });
      expect(more.addToCart.cart.lines[0]!.quantity).toBe(4);
    } finally {
      await shop.close();
      await stop(redis);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
