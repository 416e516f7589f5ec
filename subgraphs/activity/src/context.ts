import DataLoader from 'dataloader';
import type { BaseContext } from '@shop/platform';
import { newestFirst, type HistoryEntry } from './domain/history';
import type { ActivityDeps } from './use-cases/deps';
import { retainedMonths } from './use-cases/history';

export interface ActivityLoaders {
  viewCount: DataLoader<string, number>;
  /** A shopper's newest history rows, `limit` per month partition; one read per batch of shoppers. */
  history(limit: number): DataLoader<string, HistoryEntry[]>;
}

export interface Context extends BaseContext {
  deps: ActivityDeps;
  loaders: ActivityLoaders;
}

// Bounds the partitions one IN query fans out to (shoppers × retained months).
const MAX_SHOPPERS_PER_READ = 25;

export function createLoaders(deps: ActivityDeps): ActivityLoaders {
  const { counters, events } = deps.repositories;
  const histories = new Map<number, DataLoader<string, HistoryEntry[]>>();
  return {
    viewCount: new DataLoader(
      async (productIds) => {
        const counts = await counters.viewCounts(productIds);
        return productIds.map((id) => counts.get(id) ?? 0);
      },
      { maxBatchSize: 500 },
    ),
    history(limit) {
      let loader = histories.get(limit);
      if (!loader) {
        loader = new DataLoader(
          async (shoppers) => {
            const rows = await events.readHistory(shoppers, retainedMonths(deps), limit);
            const byShopper = new Map<string, HistoryEntry[]>(shoppers.map((shopper) => [shopper, []]));
            for (const row of rows) byShopper.get(row.shopper)?.push(row);
            return shoppers.map((shopper) => newestFirst(byShopper.get(shopper) ?? []));
          },
          { maxBatchSize: MAX_SHOPPERS_PER_READ },
        );
        histories.set(limit, loader);
      }
      return loader;
    },
  };
}
