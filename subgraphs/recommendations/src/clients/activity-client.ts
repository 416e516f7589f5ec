import { createServiceClient, type RoundTripCounter, type ServiceClient } from '@shop/platform';
import type { ShopperEvent } from '../domain/profile';

/** What recommendations reads from the activity subgraph. */
export interface ActivityClient {
  /** The shopper's latest events, newest first. */
  recentActivity(shopper: string, first: number): Promise<ShopperEvent[]>;
  /** Ids of trending products, most popular first. */
  trending(first: number, category: string | null): Promise<string[]>;
}

const RECENT_ACTIVITY = /* GraphQL */ `
  query RecentActivity($shopper: String!, $first: Int) {
    recentActivity(shopper: $shopper, first: $first) { type productId sku quantity at }
  }
`;

const TRENDING = /* GraphQL */ `
  query Trending($first: Int, $category: String) { trending(first: $first, category: $category) { id } }
`;

export const MAX_TRENDING = 50;

export function createActivityClient(options: {
  url: string;
  identitySecret: string;
  roundTrips?: RoundTripCounter;
  client?: ServiceClient;
}): ActivityClient {
  const client = options.client ?? createServiceClient({ service: 'recommendations', url: options.url, identitySecret: options.identitySecret });
  return {
    async recentActivity(shopper, first) {
      options.roundTrips?.record('activity.recentActivity');
      const data = await client.request<{
        recentActivity: Array<{ type: string; productId: string | null; sku: string | null; quantity: number | null; at: string }>;
      }>(RECENT_ACTIVITY, { shopper, first }, { timeoutMs: 3_000 });
      return data.recentActivity.map((event) => ({
        type: event.type.toLowerCase(),
        productId: event.productId,
        sku: event.sku,
        quantity: event.quantity ?? 1,
        at: new Date(event.at),
      }));
    },
    async trending(first, category) {
      options.roundTrips?.record('activity.trending');
      const data = await client.request<{ trending: Array<{ id: string }> }>(
        TRENDING,
        { first: Math.min(first, MAX_TRENDING), category },
        { timeoutMs: 3_000 },
      );
      return data.trending.map((product) => product.id);
    },
  };
}
