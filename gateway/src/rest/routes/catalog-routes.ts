import { z } from 'zod';
import { notFoundError } from '../rest-error';
import { defineRoute } from '../rest-route';
import {
  component,
  idListParam,
  idSchema,
  intParam,
  pageInfoSchema,
  PRODUCT_DETAIL_FIELDS,
  PRODUCT_SUMMARY_FIELDS,
  productDetailSchema,
  productListSchema,
  productSummarySchema,
  type ProductDetail,
  type ProductSummary,
} from '../schemas';

const SORTS = ['RELEVANCE', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME_ASC', 'NAME_DESC'] as const;

const productPageSchema = component(
  'ProductPage',
  z
    .object({ products: z.array(productSummarySchema), totalCount: z.number().int(), pageInfo: pageInfoSchema })
    .describe('A page of a product listing, with the number of products matching the filter.'),
);

const productSchema = component('ProductResponse', z.object({ product: productDetailSchema }).describe('One product.'));

const similarSchema = component(
  'SimilarProducts',
  z.object({ productId: z.string(), products: z.array(productSummarySchema) }).describe('Products most like the given one, most similar first.'),
);

export const listProducts = defineRoute({
  operationId: 'listProducts',
  method: 'GET',
  path: '/api/products',
  tag: 'catalog',
  summary: 'List products',
  description: 'A page of products, filtered by category, ids or text, with keyset pagination (GraphQL `products`).',
  query: z
    .object({
      category: z.string().min(1).max(200).optional().describe('Slug or id of a category; its sub-categories are included.'),
      ids: idListParam(100, 'Only these product ids, comma-separated (at most 100).').optional(),
      q: z.string().min(1).max(200).optional().describe('Words that must all occur in name, brand or description.'),
      sort: z.enum(SORTS).optional().describe('Order; NEWEST by default (RELEVANCE with `q`).'),
      first: intParam(1, 100, 'Page size, 1 to 100; 24 by default.').optional(),
      after: z.string().min(1).max(500).optional().describe('`pageInfo.endCursor` of the previous page.'),
    })
    .strict(),
  document: `query RestListProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { ${PRODUCT_SUMMARY_FIELDS} }
    }
  }`,
  variables: ({ query }) => ({
    filter: { category: query.category, ids: query.ids, query: query.q },
    sort: query.sort,
    first: query.first,
    after: query.after,
  }),
  respond: (data: { products: { totalCount: number; pageInfo: z.infer<typeof pageInfoSchema>; nodes: ProductSummary[] } }) => ({
    products: data.products.nodes,
    totalCount: data.products.totalCount,
    pageInfo: data.products.pageInfo,
  }),
  success: { status: 200, schema: productPageSchema, description: 'A page of products.' },
});

export const getProduct = defineRoute({
  operationId: 'getProduct',
  method: 'GET',
  path: '/api/products/{id}',
  tag: 'catalog',
  summary: 'Get a product',
  description: 'One product with its description, specifications and variants (GraphQL `product(id)`).',
  params: z.object({ id: idSchema.describe('Product id.') }).strict(),
  document: `query RestGetProduct($id: ID!) { product(id: $id) { ${PRODUCT_DETAIL_FIELDS} } }`,
  variables: ({ params }) => ({ id: params.id }),
  respond: (data: { product: ProductDetail | null }, { params }) => {
    if (!data.product) throw notFoundError(`No product with id "${params.id}"`);
    return { product: data.product };
  },
  success: { status: 200, schema: productSchema, description: 'The product.' },
  errors: [404],
});

export const similarProducts = defineRoute({
  operationId: 'getSimilarProducts',
  method: 'GET',
  path: '/api/similar',
  tag: 'recommendations',
  summary: 'Products similar to a product',
  description:
    'Products most like the given one in meaning, never the product itself; empty while it is not indexed yet (GraphQL `product(id) { similar(first) }`).',
  query: z
    .object({
      productId: idSchema.describe('The product to find neighbours of.'),
      first: intParam(1, 50, 'How many, 1 to 50; 8 by default.').optional(),
    })
    .strict(),
  document: `query RestSimilarProducts($id: ID!, $first: Int) { product(id: $id) { id similar(first: $first) { ${PRODUCT_SUMMARY_FIELDS} } } }`,
  variables: ({ query }) => ({ id: query.productId, first: query.first }),
  respond: (data: { product: { id: string; similar: ProductSummary[] } | null }, { query }) => {
    if (!data.product) throw notFoundError(`No product with id "${query.productId}"`);
    return { productId: data.product.id, products: data.product.similar };
  },
  success: { status: 200, schema: similarSchema, description: 'The similar products, most similar first.' },
  errors: [404],
});

export const trendingProducts = defineRoute({
  operationId: 'getTrendingProducts',
  method: 'GET',
  path: '/api/trending',
  tag: 'recommendations',
  summary: 'Trending products',
  description: 'Products most viewed and bought recently, never empty while the shop has products (GraphQL `trending`).',
  query: z
    .object({
      first: intParam(1, 50, 'How many, 1 to 50; 12 by default.').optional(),
      category: z.string().min(1).max(200).optional().describe("A category id as sent in events' categoryIds."),
    })
    .strict(),
  document: `query RestTrending($first: Int, $category: String) { trending(first: $first, category: $category) { ${PRODUCT_SUMMARY_FIELDS} } }`,
  variables: ({ query }) => ({ first: query.first, category: query.category }),
  respond: (data: { trending: ProductSummary[] }) => ({ products: data.trending }),
  success: { status: 200, schema: productListSchema, description: 'Trending products, most trending first.' },
});
