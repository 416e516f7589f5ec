import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** Value types without identity: a newer copy simply replaces the older one field by field. */
const VALUE_TYPES = [
  'Money',
  'StockLevel',
  'RegionStock',
  'ProductFacets',
  'OrderTotals',
  'OrderAddress',
  'OrderPayment',
  'ProductImage',
  'VariantOption',
  'ProductAttribute',
];

/**
 * Normalization: products by id, variants by SKU, one cart (the caller's), cart lines by SKU
 * within it. Listings page by cursor per filter and sort, so "Show more" appends.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // A listing's facets are read with `first: 0` beside its pages: kept apart from the paged edges.
      products: relayStylePagination((args) => (args?.first === 0 ? ['filter', 'first'] : ['filter', 'sort'])),
      orders: relayStylePagination(),
    },
  },
  Product: { keyFields: ['id'] },
  ProductVariant: { keyFields: ['sku'] },
  Category: { keyFields: ['id'] },
  Cart: {
    keyFields: [],
    fields: { lines: { merge: (_existing, incoming: unknown[]) => incoming } },
  },
  CartLine: { keyFields: ['sku'] },
  Order: { keyFields: ['id'] },
  User: { keyFields: ['id'] },
  ...Object.fromEntries(VALUE_TYPES.map((name) => [name, { merge: true }])),
};
