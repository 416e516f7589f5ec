import type { Client } from 'cassandra-driver';
import type { RoundTripCounter } from '@shop/platform';
import { requiredText, selectAll, textList } from './rows';

/** The categories a product was last seen with, so events that carry none still count per category. */
export interface CategoryRepository {
  find(productIds: readonly string[]): Promise<Map<string, string[]>>;
  save(entries: ReadonlyMap<string, readonly string[]>): Promise<void>;
}

export function createCategoryRepository(client: Client, keyspace: string, roundTrips?: RoundTripCounter): CategoryRepository {
  return {
    async find(productIds) {
      const found = new Map<string, string[]>();
      if (productIds.length === 0) return found;
      const rows = await selectAll(
        client,
        `SELECT product_id, category_ids FROM ${keyspace}.product_categories WHERE product_id IN ?`,
        [[...new Set(productIds)]],
        () => roundTrips?.record('categories.find'),
      );
      for (const row of rows) found.set(requiredText(row, 'product_id'), textList(row, 'category_ids'));
      return found;
    },

    async save(entries) {
      const update = `UPDATE ${keyspace}.product_categories SET category_ids = ? WHERE product_id = ?`;
      await Promise.all(
        [...entries].map(([productId, categoryIds]) => {
          roundTrips?.record('categories.save');
          return client.execute(update, [[...categoryIds], productId], { prepare: true, isIdempotent: true });
        }),
      );
    },
  };
}
