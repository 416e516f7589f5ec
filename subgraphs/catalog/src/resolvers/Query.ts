import { badInput, forbidden } from '@shop/platform';
import type { QueryResolvers } from '../generated/resolvers-types';
import { listProducts, productChanges } from '../services/product-listing';
import { variantBySku } from './ProductVariant';

const MAX_KEYS = 100;

function checkKeys(keys: readonly string[], field: string): void {
  if (keys.length > MAX_KEYS) throw badInput(`At most ${MAX_KEYS} ${field}`, field);
}

export const Query: QueryResolvers = {
  product: async (_parent, { id, slug }, { listing }) => {
    if (id === null || id === undefined) {
      if (slug === null || slug === undefined) throw badInput('Give an id or a slug', 'id');
    }
    const index = await listing();
    const productId = id ?? index.idBySlug(slug!);
    return productId ? index.record(productId) : null;
  },
  productsByIds: async (_parent, { ids }, { listing }) => {
    checkKeys(ids, 'ids');
    const index = await listing();
    return ids.map((id) => index.record(id));
  },
  variantsBySkus: async (_parent, { skus }, { listing }) => {
    checkKeys(skus, 'skus');
    const index = await listing();
    return skus.map((sku) => variantBySku(index, sku));
  },
  products: async (_parent, args, { listing }) => {
    const result = await listProducts(listing, args);
    return { result, index: await listing() };
  },
  categories: async (_parent, _args, { listing }) => {
    const index = await listing();
    return index.tree.roots.map((root) => ({ node: index.tree.node(root), index }));
  },
  category: async (_parent, { id, slug }, { listing }) => {
    if ((id === null || id === undefined) && (slug === null || slug === undefined)) throw badInput('Give an id or a slug', 'id');
    const index = await listing();
    const node = id ? index.tree.byIdOrNull(id) : index.tree.bySlugOrNull(slug!);
    return node ? { node, index } : null;
  },
  productChanges: async (_parent, args, { identity, listing, changeFeedSettleMs }) => {
    if (identity.role !== 'service') throw forbidden('productChanges is for services only');
    const page = await productChanges(listing, args, { settleMs: changeFeedSettleMs, now: Date.now() });
    return {
      items: page.items.map((item) => ({ ...item, updatedAt: item.updatedAt.toISOString() })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    };
  },
};
