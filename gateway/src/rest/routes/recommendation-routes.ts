import { z } from 'zod';
import { defineRoute } from '../rest-route';
import { idListParam, idSchema, intParam, PRODUCT_SUMMARY_FIELDS, productListSchema, type ProductSummary } from '../schemas';

export const personalRecommendations = defineRoute({
  operationId: 'getRecommendations',
  method: 'GET',
  path: '/api/recommendations',
  tag: 'recommendations',
  summary: 'Recommendations for the caller',
  description:
    'Products suggested to the caller (guest session or signed-in shopper) from their recent activity; trending when they have none (GraphQL `recommendations`).',
  query: z.object({ first: intParam(1, 50, 'How many, 1 to 50; 12 by default.').optional() }).strict(),
  document: `query RestRecommendations($first: Int) { recommendations(first: $first) { ${PRODUCT_SUMMARY_FIELDS} } }`,
  variables: ({ query }) => ({ first: query.first }),
  respond: (data: { recommendations: ProductSummary[] }) => ({ products: data.recommendations }),
  success: { status: 200, schema: productListSchema, description: 'Suggested products, best first.' },
});

export const contextualRecommendations = defineRoute({
  operationId: 'getContextualRecommendations',
  method: 'GET',
  path: '/api/recommendations/contextual',
  tag: 'recommendations',
  summary: 'Recommendations beside a product, a cart or a category',
  description:
    'Products close in meaning to the viewed product and the cart, never those themselves, optionally within a category; trending when the context says nothing (GraphQL `contextualRecommendations`).',
  query: z
    .object({
      productId: idSchema.optional().describe('The product being viewed.'),
      cartSkus: idListParam(100, 'SKUs in the cart, comma-separated (at most 100).').optional(),
      category: z.string().min(1).max(200).optional().describe('A category id or slug that suggestions must belong to.'),
      first: intParam(1, 50, 'How many, 1 to 50; 8 by default.').optional(),
    })
    .strict(),
  document: `query RestContextualRecommendations($context: RecommendationContextInput!, $first: Int) {
    contextualRecommendations(context: $context, first: $first) { ${PRODUCT_SUMMARY_FIELDS} }
  }`,
  variables: ({ query }) => ({
    context: { productId: query.productId, cartSkus: query.cartSkus, category: query.category },
    first: query.first,
  }),
  respond: (data: { contextualRecommendations: ProductSummary[] }) => ({ products: data.contextualRecommendations }),
  success: { status: 200, schema: productListSchema, description: 'Suggested products, best first.' },
});
