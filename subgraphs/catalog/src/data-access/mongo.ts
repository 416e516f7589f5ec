import { MongoClient, type Collection, type Db, type Document, type IndexDescription } from 'mongodb';

export async function connectMongo(url: string, dbName: string): Promise<{ client: MongoClient; db: Db }> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000, maxPoolSize: 20 });
  await client.connect();
  return { client, db: client.db(dbName) };
}

/**
 * Creates the named indexes that are missing, one per command. FerretDB 1.24 panics (and drops
 * the connection) when one createIndexes command repeats two or more existing indexes, so the
 * usual "create them all again, it is idempotent" is not safe there.
 */
export async function ensureIndexes<T extends Document>(
  collection: Collection<T>,
  indexes: Array<IndexDescription & { name: string }>,
): Promise<void> {
  const existing = new Set(
    (await collection.listIndexes().toArray().catch(() => [])).map((index: Document) => String(index.name)),
  );
  for (const index of indexes) {
    if (!existing.has(index.name)) await collection.createIndexes([index]);
  }
}
