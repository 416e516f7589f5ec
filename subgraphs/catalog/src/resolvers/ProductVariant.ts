import { toMoney } from '@shop/platform';
import type { ListingIndex } from '../domain/listing/listing-index';
import { variantTitle } from '../domain/product';
import type { ProductVariantResolvers } from '../generated/resolvers-types';
import { variantsOf } from './Product';
import type { ProductVariantModel } from './mappers';

/** A live variant by SKU with its product; null when unknown. */
export function variantBySku(index: ListingIndex, sku: string): ProductVariantModel | null {
  const productId = index.idBySku(sku);
  const product = productId ? index.record(productId) : null;
  return product ? (variantsOf(product).find((variant) => variant.sku === sku) ?? null) : null;
}

export const ProductVariant: ProductVariantResolvers = {
  __resolveReference: async ({ sku }, { listing }) => variantBySku(await listing(), sku),
  product: (variant) => variant.product,
  title: (variant) => variantTitle(variant.options),
  price: (variant) => toMoney(variant.priceMinor, variant.product.currencyCode),
  compareAtPrice: (variant) =>
    variant.compareAtPriceMinor === null ? null : toMoney(variant.compareAtPriceMinor, variant.product.currencyCode),
};
