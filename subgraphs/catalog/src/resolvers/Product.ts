import { toMoney } from '@shop/platform';
import type { ProductRecord } from '../domain/product';
import type { ProductResolvers } from '../generated/resolvers-types';
import type { ProductVariantModel } from './mappers';

export function variantsOf(product: ProductRecord): ProductVariantModel[] {
  return product.variants.map((variant) => ({ ...variant, product }));
}

export const Product: ProductResolvers = {
  __resolveReference: async ({ id }, { listing }) => (await listing()).record(id),
  variants: (product) => variantsOf(product),
  price: (product) => toMoney(product.priceMinor, product.currencyCode),
  compareAtPrice: (product) =>
    product.compareAtPriceMinor === null ? null : toMoney(product.compareAtPriceMinor, product.currencyCode),
  category: async (product, _args, { listing }) => {
    const index = await listing();
    const node = index.tree.byIdOrNull(product.categoryId);
    if (!node) throw new Error(`product ${product.id} is in unknown category ${product.categoryId}`);
    return { node, index };
  },
  createdAt: (product) => product.createdAt.toISOString(),
  updatedAt: (product) => product.updatedAt.toISOString(),
};
