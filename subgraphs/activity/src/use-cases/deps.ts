import type { Logger } from '@shop/platform';
import type { CatalogClient } from '../data-access/catalog-client';
import type { CategoryRepository } from '../data-access/category-repository';
import type { CounterRepository } from '../data-access/counter-repository';
import type { EventRepository } from '../data-access/event-repository';
import type { ActivitySettings } from '../domain/settings';
import type { TrendingBoard } from '../domain/trending-board';

export interface ActivityRepositories {
  events: EventRepository;
  counters: CounterRepository;
  categories: CategoryRepository;
}

/** Everything the use cases need; built once per server. */
export interface ActivityDeps {
  repositories: ActivityRepositories;
  catalog: CatalogClient;
  settings: ActivitySettings;
  /** Trending lists kept in memory and refreshed in the background; null: loaded per request. */
  trendingBoard: TrendingBoard | null;
  logger: Logger;
  now: () => Date;
}
