import Redis from 'ioredis';

export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true });
  await redis.connect();
  return redis;
}

/** Whether Redis writes an append-only file, so carts survive a restart; null when CONFIG is not allowed. */
export async function appendOnlyEnabled(redis: Redis): Promise<boolean | null> {
  try {
    const reply = (await redis.config('GET', 'appendonly')) as string[];
    return reply[1] === 'yes';
  } catch {
    return null;
  }
}
