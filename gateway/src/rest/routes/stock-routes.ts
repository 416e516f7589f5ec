import { DEFAULT_REGION } from '@shop/platform';
import { z } from 'zod';
import { notFoundError, RestError, restErrorOfUserErrors, type UserErrorLike } from '../rest-error';
import { defineRoute } from '../rest-route';
import { component, idListParam, idSchema, PRODUCT_STOCK_FIELDS, productStockSchema, regionSchema, type ProductStock } from '../schemas';

const stockListSchema = component(
  'StockList',
  z.object({ stock: z.array(productStockSchema) }).describe('Stock of each product asked for, in the order asked.'),
);

const oneStockSchema = component('StockResponse', z.object({ stock: productStockSchema }).describe('Stock of one product.'));

const STOCK_DOCUMENT = `query RestStock($productIds: [ID!]!, $region: String) { stock(productIds: $productIds, region: $region) { ${PRODUCT_STOCK_FIELDS} } }`;

const regionQuery = z.object({ region: regionSchema.optional().describe("Region to report; the caller's region, else eu, by default.") }).strict();

export const listStock = defineRoute({
  operationId: 'listStock',
  method: 'GET',
  path: '/api/stock',
  tag: 'stock',
  summary: 'Stock of several products',
  description: 'Stock of up to 100 products and their variants; a product inventory does not know reads as out of stock (GraphQL `stock`).',
  query: regionQuery.extend({ productIds: idListParam(100, 'Product ids, comma-separated (at most 100).') }).strict(),
  document: STOCK_DOCUMENT,
  variables: ({ query }) => ({ productIds: query.productIds, region: query.region }),
  respond: (data: { stock: ProductStock[] }) => ({ stock: data.stock }),
  success: { status: 200, schema: stockListSchema, description: 'Stock per product, in the order asked.' },
});

export const getStock = defineRoute({
  operationId: 'getStock',
  method: 'GET',
  path: '/api/stock/{productId}',
  tag: 'stock',
  summary: 'Stock of a product',
  description: 'Stock of one product and its variants (GraphQL `stock(productIds: [id])`). 404 when inventory keeps no variant of it.',
  params: z.object({ productId: idSchema.describe('Product id.') }).strict(),
  query: regionQuery,
  document: STOCK_DOCUMENT,
  variables: ({ params, query }) => ({ productIds: [params.productId], region: query.region }),
  respond: (data: { stock: ProductStock[] }, { params }) => {
    const stock = data.stock[0];
    if (!stock || stock.variants.length === 0) throw notFoundError(`Inventory keeps no stock of product "${params.productId}"`);
    return { stock };
  },
  success: { status: 200, schema: oneStockSchema, description: 'The stock of the product.' },
  errors: [404],
});

const decrementSchema = z
  .object({
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8 to 128 letters, digits or - _ . :')
      .describe('Client-made key: a retry with the same key and lines never takes stock twice.'),
    region: regionSchema.default(DEFAULT_REGION),
    lines: z
      .array(
        z
          .object({
            sku: idSchema.describe('SKU to take units of.'),
            quantity: z.number().int().min(1).max(10_000).describe('Units to take, 1 to 10,000.'),
          })
          .strict(),
      )
      .min(1)
      .max(100)
      .describe('1 to 100 lines; all are taken or none.'),
  })
  .strict()
  .describe('Units leaving stock outside checkout (e.g. sold in a store): all lines or none.');

const decrementedSchema = component(
  'StockDecrement',
  z
    .object({
      idempotencyKey: z.string(),
      region: z.string(),
      lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
    })
    .describe('The units taken (also on a replay of the same key).'),
);

interface DecrementData {
  reserve: { reserved: boolean; shortages: Array<{ sku: string; requested: number; available: number }>; userErrors: UserErrorLike[] };
  commit: { ok: boolean; userErrors: UserErrorLike[] };
}

/** Decrements are kept by inventory like reservations of an order, under an id no checkout uses. */
export const decrementOrderId = (idempotencyKey: string) => `rest-decrement:${idempotencyKey}`;

export const decrementStock = defineRoute({
  operationId: 'decrementStock',
  method: 'PATCH',
  path: '/api/stock/decrement',
  tag: 'stock',
  summary: 'Take units out of stock (service or admin only)',
  description:
    "Atomically takes the units of every line, or none when one is short (409 OUT_OF_STOCK with the shortages). Runs inventory's internal `reserve` then `commit` in one operation, keyed by the idempotency key, so a retry never takes stock twice and nothing can go below zero. Only an admin session or a service identity may call it.",
  access: 'staff',
  target: 'inventory',
  body: decrementSchema,
  document: `mutation RestDecrementStock($orderId: ID!, $lines: [ReserveLineInput!]!, $region: String!) {
    reserve(orderId: $orderId, lines: $lines, region: $region) { reserved shortages { sku requested available } userErrors { field message code } }
    commit(orderId: $orderId) { ok userErrors { field message code } }
  }`,
  variables: ({ body }) => ({ orderId: decrementOrderId(body.idempotencyKey), lines: body.lines, region: body.region }),
  respond: (data: DecrementData, { body }) => {
    const { reserve, commit } = data;
    if (!reserve.reserved) {
      if (reserve.shortages.length > 0) {
        throw new RestError(409, 'OUT_OF_STOCK', 'Not enough stock for some lines; nothing was taken', { shortages: reserve.shortages });
      }
      throw restErrorOfUserErrors(
        reserve.userErrors.length > 0 ? reserve.userErrors : [{ message: 'Stock could not be taken', code: 'UNAVAILABLE' }],
      );
    }
    if (!commit.ok)
      throw restErrorOfUserErrors(commit.userErrors.length > 0 ? commit.userErrors : [{ message: 'Stock could not be taken', code: 'UNAVAILABLE' }]);
    return { idempotencyKey: body.idempotencyKey, region: body.region, lines: body.lines };
  },
  success: { status: 200, schema: decrementedSchema, description: 'Every line was taken out of stock.' },
  errors: [403, 404, 409],
});
