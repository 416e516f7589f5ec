import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { currencyDigits } from '@shop/platform';
import type { ProductAttribute, ProductImage, VariantRecord } from '../domain/product';
import { slugify } from '../domain/text';
import type { SeedProduct } from './seed-product';

const text = z.string().nullish();
const amount = z.number().nonnegative();

/** One line of fashion-catalog-5k.jsonl (only the fields the catalog uses). */
const lineSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  name: z.string().min(1),
  brand: z.string().nullish(),
  price: amount,
  discounted_price: amount.nullish(),
  currency: z.string().length(3),
  category_path: z.string().min(1),
  gender: text,
  base_colour: text,
  season: text,
  usage: text,
  attributes: z.record(z.string(), z.unknown()).nullish(),
  description: text,
  images: z.record(z.string(), z.unknown()).nullish(),
  variants: z
    .array(z.object({ sku_id: z.union([z.number().int(), z.string().min(1)]), option: z.string().min(1), value: z.union([z.string(), z.number()]) }))
    .nullish(),
  catalog_add_date: z.number().nullish(),
});

type FashionLine = z.infer<typeof lineSchema>;

const FALLBACK_CREATED_AT = new Date(Date.UTC(2015, 0, 1));
const IMAGE_ORDER = ['default', 'front', 'back', 'left', 'right', 'top', 'bottom', 'search'];

/**
 * Reads the fashion catalog (JSON lines of real Myntra products, INR prices) into seed products:
 * category_path becomes the category tree, the style attributes plus gender, colour, season and
 * usage become attributes, and each size a variant with its own SKU.
 */
export async function importFashionCatalog(path: string): Promise<SeedProduct[]> {
  const content = await readFile(path, 'utf8');
  const products: SeedProduct[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${index + 1}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    products.push(toSeedProduct(parsed.data));
  });
  return products;
}

export function toSeedProduct(line: FashionLine): SeedProduct {
  const scale = 10 ** currencyDigits(line.currency);
  const selling = line.discounted_price && line.discounted_price > 0 ? line.discounted_price : line.price;
  const priceMinor = Math.round(selling * scale);
  const listMinor = Math.round(line.price * scale);
  const compareAtPriceMinor = listMinor > priceMinor ? listMinor : null;
  const id = `fashion-${line.id}`;
  const variants: VariantRecord[] = (line.variants ?? []).map((variant) => ({
    sku: `FSH-${variant.sku_id}`,
    options: [{ name: variant.option, value: String(variant.value) }],
    priceMinor,
    compareAtPriceMinor,
  }));
  if (variants.length === 0) variants.push({ sku: `FSH-P${line.id}`, options: [], priceMinor, compareAtPriceMinor });
  return {
    id,
    slug: `${slugify(line.name, 70) || 'product'}-${line.id}`,
    name: line.name.trim(),
    brand: line.brand?.trim() || 'Unbranded',
    description: (line.description ?? '').trim(),
    currencyCode: line.currency,
    categoryPath: line.category_path.split('>').map((part) => part.trim()).filter(Boolean),
    images: imagesOf(line),
    attributes: attributesOf(line),
    variants,
    createdAt: line.catalog_add_date ? new Date(line.catalog_add_date * 1000) : FALLBACK_CREATED_AT,
  };
}

function imagesOf(line: FashionLine): ProductImage[] {
  const entries = Object.entries(line.images ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && /^https?:\/\//.test(entry[1]));
  const rank = (key: string) => (IMAGE_ORDER.includes(key) ? IMAGE_ORDER.indexOf(key) : IMAGE_ORDER.length);
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  const seen = new Set<string>();
  return entries
    .filter(([, url]) => !seen.has(url) && seen.add(url))
    .map(([key, url]) => ({ url, alt: key === 'default' ? line.name : `${line.name} (${key})` }));
}

function attributesOf(line: FashionLine): ProductAttribute[] {
  const attributes: ProductAttribute[] = [];
  const add = (name: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200) return;
    if (attributes.some((attribute) => attribute.name.toLowerCase() === name.toLowerCase())) return;
    attributes.push({ name, value: value.trim() });
  };
  add('Gender', line.gender);
  add('Colour', line.base_colour);
  add('Season', line.season);
  add('Usage', line.usage);
  for (const [name, value] of Object.entries(line.attributes ?? {})) add(name.trim(), value);
  return attributes;
}
