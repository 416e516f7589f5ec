import { badInput, shopperKey } from '@shop/platform';
import type { QueryResolvers } from '../generated/resolvers-types';
import { contextualRecommendations } from '../use-cases/contextual-recommendations';
import { MAX_CART_SKUS, MAX_ID_LENGTH, personalPageSize, similarPageSize } from './limits';

const checkId = (value: string, field: string) => {
  if (value.trim() === '' || value.length > MAX_ID_LENGTH) throw badInput(`${field} must be 1 to ${MAX_ID_LENGTH} characters`, field);
  return value;
};

export const Query: QueryResolvers = {
  recommendations: async (_parent, { first }, { identity, loaders }) => {
    const items = await loaders.forShopper.load({ shopper: shopperKey(identity), first: personalPageSize(first) });
    return items.map((item) => ({ id: item.productId }));
  },
  recommendationsWithReasons: (_parent, { first }, { identity, loaders }) =>
    loaders.forShopper.load({ shopper: shopperKey(identity), first: personalPageSize(first) }),
  contextualRecommendations: async (_parent, { context, first }, { services }) => {
    const size = similarPageSize(first);
    const cartSkus = context.cartSkus ?? [];
    if (cartSkus.length > MAX_CART_SKUS) throw badInput(`At most ${MAX_CART_SKUS} cart SKUs`, 'context.cartSkus');
    cartSkus.forEach((sku) => checkId(sku, 'context.cartSkus'));
    const items = await contextualRecommendations(
      services,
      {
        productId: context.productId ? checkId(context.productId, 'context.productId') : null,
        cartSkus: [...new Set(cartSkus)],
        category: context.category ? checkId(context.category, 'context.category') : null,
      },
      size,
    );
    return items.map((item) => ({ id: item.productId }));
  },
};
