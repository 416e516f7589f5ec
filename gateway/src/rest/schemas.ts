import { z } from 'zod';
import { REGIONS } from '@shop/platform';

/**
 * Shared request and response schemas of the REST routes. Each named response schema is
 * registered in `components` and appears once in the OpenAPI document (`#/components/schemas/…`).
 */
export const components = z.registry<{ id: string }>();

export function component<T extends z.ZodType>(id: string, schema: T): T {
  components.add(schema, { id });
  return schema;
}

// ---- request pieces -------------------------------------------------------------------------

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,255}$/;

/** A product id or SKU as the subgraphs accept them. */
export const idSchema = z.string().regex(ID_PATTERN, 'must be 1 to 256 letters, digits or _ . : @ / - (starting with a letter or digit)');

export const regionSchema = z.enum(REGIONS).describe(`Region: ${REGIONS.join(', ')}.`);

/** A comma-separated list in a query string (`?ids=a,b`), also accepted repeated (`?ids=a&ids=b`). */
export function idListParam(max: number, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')).filter((part) => part !== ''))
    .pipe(z.array(idSchema).min(1, 'give at least one id').max(max, `at most ${max} ids`))
    .describe(description);
}

/** A whole number in a query string. */
export function intParam(min: number, max: number, description: string) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number(message).int(message).min(min, message).max(max, message).describe(description);
}

// ---- response pieces ------------------------------------------------------------------------

export const moneySchema = component(
  'Money',
  z
    .object({
      amount: z.string().describe('Exact decimal amount, e.g. "1299.00".'),
      currencyCode: z.string().describe('ISO 4217 currency code, e.g. "INR".'),
    })
    .describe('An exact amount of money: a decimal string (never a float) and an ISO 4217 currency code.'),
);

const imageSchema = z.object({ url: z.string(), alt: z.string() }).describe('An image of a product.');
const categoryRefSchema = z.object({ id: z.string(), slug: z.string(), name: z.string() }).describe('The leaf category of a product.');
const nameValueSchema = z.object({ name: z.string(), value: z.string() });

export const productSummarySchema = component(
  'ProductSummary',
  z
    .object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      brand: z.string(),
      price: moneySchema,
      compareAtPrice: moneySchema.nullable(),
      images: z.array(imageSchema),
      category: categoryRefSchema,
    })
    .describe(
      'A product as listings show it. `price` is the lowest variant price; `compareAtPrice` its price before discount, null when not discounted.',
    ),
);

export const PRODUCT_SUMMARY_FIELDS = `id slug name brand price { amount currencyCode } compareAtPrice { amount currencyCode }
  images { url alt } category { id slug name }`;

export const productDetailSchema = component(
  'ProductDetail',
  productSummarySchema
    .extend({
      description: z.string(),
      attributes: z.array(nameValueSchema).describe('Specifications, e.g. Fabric = Cotton.'),
      variants: z.array(
        z.object({
          sku: z.string(),
          title: z.string().describe('e.g. "42 / Black"; "Default" when the variant has no options.'),
          options: z.array(nameValueSchema),
          price: moneySchema,
          compareAtPrice: moneySchema.nullable(),
        }),
      ),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .describe('A product with its description, specifications and buyable variants.'),
);

export const PRODUCT_DETAIL_FIELDS = `${PRODUCT_SUMMARY_FIELDS} description attributes { name value }
  variants { sku title options { name value } price { amount currencyCode } compareAtPrice { amount currencyCode } }
  createdAt updatedAt`;

export const productListSchema = component(
  'ProductList',
  z.object({ products: z.array(productSummarySchema) }).describe('A list of products, best first.'),
);

export const pageInfoSchema = z
  .object({
    hasNextPage: z.boolean(),
    endCursor: z.string().nullable().describe('Pass it as `after` for the next page.'),
  })
  .describe('Where this page ends.');

export const stockLevelSchema = component(
  'StockLevel',
  z
    .object({
      region: z.string(),
      available: z.number().int().describe('Units that can be bought now in the region.'),
      inStock: z.boolean(),
      lowStock: z.boolean(),
      regions: z.array(z.object({ region: z.string(), available: z.number().int() })),
    })
    .describe('Stock in one region, with the breakdown over all regions.'),
);

const STOCK_LEVEL_FIELDS = 'region available inStock lowStock regions { region available }';

export const productStockSchema = component(
  'ProductStock',
  z
    .object({
      productId: z.string(),
      stock: stockLevelSchema,
      variants: z.array(z.object({ sku: z.string(), stock: stockLevelSchema })),
    })
    .describe('Stock of one product (summed over its variants) and of each of its variants.'),
);

export const PRODUCT_STOCK_FIELDS = `productId stock { ${STOCK_LEVEL_FIELDS} } variants { sku stock { ${STOCK_LEVEL_FIELDS} } }`;

export const cartSchema = component(
  'Cart',
  z
    .object({
      id: z.string().describe('Opaque cart id.'),
      region: z.string(),
      totalQuantity: z.number().int(),
      subtotal: moneySchema.nullable(),
      expiresAt: z.string().nullable(),
      lines: z.array(
        z.object({
          sku: z.string(),
          quantity: z.number().int(),
          product: z.object({ id: z.string(), name: z.string() }),
          unitPrice: moneySchema,
          lineTotal: moneySchema,
          available: z.number().int().describe("Units available now in the cart's region."),
        }),
      ),
      warnings: z
        .array(z.object({ code: z.string(), message: z.string(), sku: z.string() }))
        .describe('Price or stock changes since lines were added.'),
    })
    .describe("The caller's cart (guest session or signed-in shopper). `subtotal` is null when the cart is empty or mixes currencies."),
);

export const CART_FIELDS = `id region totalQuantity subtotal { amount currencyCode } expiresAt
  lines { sku quantity product { id name } unitPrice { amount currencyCode } lineTotal { amount currencyCode } available }
  warnings { code message sku }`;

export const userErrorsSchema = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string() }));

const addressFields = {
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  province: z.string().nullable(),
  postalCode: z.string(),
  countryCode: z.string(),
  phone: z.string().nullable(),
};

export const orderSchema = component(
  'Order',
  z
    .object({
      id: z.string(),
      status: z.enum(['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED']),
      email: z.string().nullable(),
      region: z.string(),
      itemCount: z.number().int(),
      lines: z.array(
        z.object({
          sku: z.string(),
          name: z.string(),
          variantTitle: z.string().nullable(),
          quantity: z.number().int(),
          unitPrice: moneySchema,
          lineTotal: moneySchema,
        }),
      ),
      totals: z.object({ subtotal: moneySchema, shipping: moneySchema, tax: moneySchema, total: moneySchema }).nullable(),
      shippingAddress: z.object(addressFields),
      payment: z.object({ provider: z.string(), brand: z.string(), last4: z.string(), status: z.enum(['CAPTURED', 'REFUNDED']) }).nullable(),
      failureCode: z.string().nullable(),
      failureReason: z.string().nullable(),
      createdAt: z.string(),
      confirmedAt: z.string().nullable(),
      cancelledAt: z.string().nullable(),
    })
    .describe('An order: what was bought, at which prices, where it goes and how it was paid.'),
);

const MONEY = '{ amount currencyCode }';
export const ORDER_FIELDS = `id status email region itemCount
  lines { sku name variantTitle quantity unitPrice ${MONEY} lineTotal ${MONEY} }
  totals { subtotal ${MONEY} shipping ${MONEY} tax ${MONEY} total ${MONEY} }
  shippingAddress { fullName line1 line2 city province postalCode countryCode phone }
  payment { provider brand last4 status } failureCode failureReason createdAt confirmedAt cancelledAt`;

export type ProductSummary = z.infer<typeof productSummarySchema>;
export type ProductDetail = z.infer<typeof productDetailSchema>;
export type ProductStock = z.infer<typeof productStockSchema>;
export type Cart = z.infer<typeof cartSchema>;
export type Order = z.infer<typeof orderSchema>;
export type UserErrors = z.infer<typeof userErrorsSchema>;
