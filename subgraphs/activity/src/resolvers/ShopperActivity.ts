import type { ShopperActivityResolvers } from '../generated/resolvers-types';

export const ShopperActivity: ShopperActivityResolvers = {
  at: (entry) => entry.at.toISOString(),
};
