import type { Logger } from '@shop/platform';
import type { CatalogClient } from '../data-access/catalog-client';
import type { CategoryRepository } from '../data-access/category-repository';
import type { CounterRepository } from '../data-access/counter-repository';
import type { EventRepository } from '../data-access/event-repository';
import type { ActivitySettings } from '../domain/settings';
import type { TtlCache } from '../domain/ttl-cache';

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
  trendingCache: TtlCache<string[]>;
  logger: Logger;
  now: () => Date;
}
