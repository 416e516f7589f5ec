import { toMoney } from '@shop/platform';
import type { ProductResolvers, ProductVariantResolvers } from '../generated/resolvers-types';

export const Product: ProductResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.productById.load(id),
  price: (product) => toMoney(product.priceMinor, product.currencyCode),
  variants: (product) => product.variants.map((variant) => ({ ...variant, productId: product.id, currencyCode: product.currencyCode })),
};

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: async ({ sku }, { loaders }) => {
    const product = await loaders.productBySku.load(sku);
    const variant = product?.variants.find((candidate) => candidate.sku === sku);
    return product && variant ? { ...variant, productId: product.id, currencyCode: product.currencyCode } : null;
  },
  product: async (variant, _args, { loaders }) => {
    const product = await loaders.productById.load(variant.productId);
    if (!product) throw new Error(`variant ${variant.sku} lost its product ${variant.productId}`);
    return product;
  },
  price: (variant) => toMoney(variant.priceMinor, variant.currencyCode),
};
