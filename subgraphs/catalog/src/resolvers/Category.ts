import type { CategoryResolvers } from '../generated/resolvers-types';
import type { CategoryModel } from './mappers';

const model = (index: CategoryModel['index'], position: number): CategoryModel => ({ node: index.tree.node(position), index });

export const Category: CategoryResolvers = {
  __resolveReference: async ({ id }, { listing }) => {
    const index = await listing();
    const node = index.tree.byIdOrNull(id);
    return node ? { node, index } : null;
  },
  id: ({ node }) => node.id,
  slug: ({ node }) => node.slug,
  name: ({ node }) => node.name,
  depth: ({ node }) => node.depth,
  parent: ({ node, index }) => (node.parentIndex < 0 ? null : model(index, node.parentIndex)),
  children: ({ node, index }) => node.children.map((child) => model(index, child)),
  path: ({ node, index }) => index.tree.path(node).map((entry) => ({ node: entry, index })),
  productCount: ({ node, index }) => index.productCount(node),
};
