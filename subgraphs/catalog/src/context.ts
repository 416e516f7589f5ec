import type { BaseContext } from '@shop/platform';
import type { ListingIndex } from './domain/listing/listing-index';
import type { ListingSync } from './services/listing-sync';
import type { CatalogRepositories } from './services/repositories';

export interface Context extends BaseContext {
  repositories: CatalogRepositories;
  listingSync: ListingSync;
  /**
   * The catalog read model, synced with the store once per request on first use (one read of the
   * change log). Entity references, lists and listings all resolve from it: no per-item reads.
   */
  listing: () => Promise<ListingIndex>;
  /** How long the change feed holds back fresh changes (ms). */
  changeFeedSettleMs: number;
}

/** Memoizes the per-request sync, so a request reads the change log at most once. */
export function onceListing(sync: ListingSync): () => Promise<ListingIndex> {
  let index: Promise<ListingIndex> | null = null;
  return () => (index ??= sync.fresh());
}
