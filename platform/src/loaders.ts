import DataLoader from 'dataloader';

/**
 * A per-request DataLoader that batches every key asked in one tick into one datastore read
 * and answers in the order asked, with null for keys the store does not have.
 * `keysOf` says which keys a loaded value answers (a product answers each of its SKUs).
 */
export function keyedLoader<K, V>(
  load: (keys: readonly K[]) => Promise<V[]>,
  keysOf: (value: V) => K[],
  options: { maxBatchSize?: number } = {},
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const found = new Map<K, V>();
      for (const value of await load(keys)) for (const key of keysOf(value)) found.set(key, value);
      return keys.map((key) => found.get(key) ?? null);
    },
    { maxBatchSize: options.maxBatchSize ?? 1000 },
  );
}
