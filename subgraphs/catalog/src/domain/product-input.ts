import { z } from 'zod';
import { toMinorUnits, userError, type UserError } from '@shop/platform';
import type { ProductAttribute, ProductImage, VariantRecord } from './product';
import { keyOf, SLUG_PATTERN } from './text';

/** A validated product input, before its category, slug and SKUs are checked against the catalog. */
export interface ProductDraft {
  id: string | null;
  slug: string | null;
  name: string;
  brand: string;
  description: string;
  category: string;
  currencyCode: string;
  images: ProductImage[];
  attributes: ProductAttribute[];
  variants: VariantRecord[];
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !CONTROL_CHARACTERS.test(text), 'must not contain control characters');

const pair = z.object({ name: line(60), value: line(200) });

const inputSchema = z.object({
  id: z.string().regex(ID_PATTERN, 'must be 1 to 100 letters, digits, dots, colons, dashes or underscores').nullish(),
  slug: z.string().max(120, 'must be at most 120 characters').regex(SLUG_PATTERN, 'must be lowercase letters and digits separated by dashes').nullish(),
  name: line(200),
  brand: line(100),
  description: z.string().max(10_000, 'must be at most 10,000 characters'),
  category: line(200),
  currencyCode: z.string().refine((code) => CURRENCIES.has(code), 'must be an ISO 4217 currency code such as "EUR"'),
  images: z
    .array(
      z.object({
        url: z
          .string()
          .max(2000, 'must be at most 2,000 characters')
          .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, 'must be an http(s) URL or a path starting with /'),
        alt: z.string().max(300, 'must be at most 300 characters').nullish(),
      }),
    )
    .max(20, 'at most 20 images')
    .nullish(),
  attributes: z.array(pair).max(50, 'at most 50 attributes').nullish(),
  variants: z
    .array(
      z.object({
        sku: z.string().regex(SKU_PATTERN, 'must be 1 to 64 letters, digits, dots, dashes or underscores'),
        options: z.array(pair).max(5, 'at most 5 options').nullish(),
        price: z.string().max(32),
        compareAtPrice: z.string().max(32).nullish(),
      }),
    )
    .min(1, 'a product needs at least one variant')
    .max(100, 'at most 100 variants'),
});

export type ProductInput = z.input<typeof inputSchema>;

type Parsed = { draft: ProductDraft; errors: [] } | { draft: null; errors: UserError[] };

/** Checks a product input on its own; every problem is reported, with the path of its field. */
export function validateProductInput(input: unknown): Parsed {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      draft: null,
      errors: parsed.error.issues.map((issue) =>
        userError('BAD_USER_INPUT', `${['input', ...issue.path.map(String)].join('.')}: ${issue.message}`, ['input', ...issue.path.map(String)]),
      ),
    };
  }
  const value = parsed.data;
  const errors: UserError[] = [];
  const attributes = value.attributes ?? [];
  const seenNames = new Set<string>();
  attributes.forEach((attribute, index) => {
    if (seenNames.has(keyOf(attribute.name))) {
      errors.push(userError('DUPLICATE_ATTRIBUTE', `Attribute "${attribute.name}" is given twice`, ['input', 'attributes', String(index), 'name']));
    }
    seenNames.add(keyOf(attribute.name));
  });
  const seenSkus = new Set<string>();
  const variants: VariantRecord[] = value.variants.map((variant, index) => {
    const field = (name: string) => ['input', 'variants', String(index), name];
    if (seenSkus.has(variant.sku)) errors.push(userError('DUPLICATE_SKU', `SKU ${variant.sku} is given twice`, field('sku')));
    seenSkus.add(variant.sku);
    const priceMinor = parsePrice(variant.price, value.currencyCode, field('price'), errors);
    const compareAtPriceMinor =
      variant.compareAtPrice === null || variant.compareAtPrice === undefined
        ? null
        : parsePrice(variant.compareAtPrice, value.currencyCode, field('compareAtPrice'), errors);
    if (compareAtPriceMinor !== null && priceMinor !== null && compareAtPriceMinor <= priceMinor) {
      errors.push(userError('BAD_USER_INPUT', 'compareAtPrice must be higher than price', field('compareAtPrice')));
    }
    return { sku: variant.sku, options: variant.options ?? [], priceMinor: priceMinor ?? 0, compareAtPriceMinor };
  });
  if (errors.length > 0) return { draft: null, errors };
  return {
    draft: {
      id: value.id ?? null,
      slug: value.slug ?? null,
      name: value.name,
      brand: value.brand,
      description: value.description.trim(),
      category: value.category,
      currencyCode: value.currencyCode,
      images: (value.images ?? []).map((image) => ({ url: image.url, alt: image.alt?.trim() || value.name })),
      attributes,
      variants,
    },
    errors: [],
  };
}

const MAX_PRICE_MINOR = 1e12;

function parsePrice(amount: string, currencyCode: string, field: string[], errors: UserError[]): number | null {
  try {
    const minor = toMinorUnits(amount, currencyCode);
    if (minor < 0 || minor > MAX_PRICE_MINOR) throw new RangeError('out of range');
    return minor;
  } catch {
    errors.push(userError('INVALID_PRICE', `"${amount.slice(0, 32)}" is not a valid ${currencyCode} amount`, field));
    return null;
  }
}
