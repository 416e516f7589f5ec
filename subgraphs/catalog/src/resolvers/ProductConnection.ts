import { toMoney } from '@shop/platform';
import type { ProductConnectionResolvers } from '../generated/resolvers-types';

export const ProductConnection: ProductConnectionResolvers = {
  edges: ({ result }) => result.edges.map(({ cursor, product }) => ({ cursor, node: product })),
  nodes: ({ result }) => result.edges.map(({ product }) => product),
  pageInfo: ({ result }) => result.pageInfo,
  totalCount: ({ result }) => result.totalCount,
  facets: ({ result, index }) => {
    const summary = result.facets();
    return {
      brands: summary.brands,
      categories: summary.categories.map(({ category, count }) => ({ category: { node: category, index }, count })),
      attributes: summary.attributes,
      priceBands: summary.priceBands.map((band) => ({
        min: toMoney(band.minMinor, band.currencyCode),
        max: band.maxMinor === null ? null : toMoney(band.maxMinor, band.currencyCode),
        count: band.count,
      })),
    };
  },
};
