import { createServiceClient, type RoundTripCounter, type ServiceClient } from '@shop/platform';
import type { ShopperEvent } from '../domain/profile';

/** What recommendations reads from the activity subgraph. */
export interface ActivityClient {
  /** Each shopper's latest events, newest first, in one call for all of them. */
  recentActivity(shoppers: readonly string[], first: number): Promise<ShopperEvent[][]>;
  /** Ids of trending products, most popular first. */
  trending(first: number, category: string | null): Promise<string[]>;
}

/** One aliased field per shopper: activity reads all their histories with one Cassandra query per 25 shoppers. */
const recentActivityQuery = (count: number) => `query RecentActivity($first: Int${Array.from({ length: count }, (_, i) => `, $s${i}: String!`).join('')}) {
  ${Array.from({ length: count }, (_, i) => `h${i}: recentActivity(shopper: $s${i}, first: $first) { type productId sku quantity at }`).join('\n  ')}
}`;

type ActivityRow = { type: string; productId: string | null; sku: string | null; quantity: number | null; at: string };

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
    async recentActivity(shoppers, first) {
      if (shoppers.length === 0) return [];
      options.roundTrips?.record('activity.recentActivity');
      const variables: Record<string, unknown> = { first };
      shoppers.forEach((shopper, i) => (variables[`s${i}`] = shopper));
      const data = await client.request<Record<string, ActivityRow[]>>(recentActivityQuery(shoppers.length), variables, { timeoutMs: 3_000 });
      return shoppers.map((_, i) =>
        (data[`h${i}`] ?? []).map((event) => ({
          type: event.type.toLowerCase(),
          productId: event.productId,
          sku: event.sku,
          quantity: event.quantity ?? 1,
          at: new Date(event.at),
        })),
      );
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
