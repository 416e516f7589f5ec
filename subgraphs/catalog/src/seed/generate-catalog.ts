import { currencyDigits } from '@shop/platform';
import type { ProductAttribute, VariantRecord } from '../domain/product';
import { slugify } from '../domain/text';
import { Random } from './random';
import type { SeedProduct } from './seed-product';
import {
  BOOK_ADJECTIVES, BOOK_NOUNS, BOOK_PLACES, CLOSINGS, COLOURS, FIRST_NAMES, LAST_NAMES, MODEL_SERIES, MODEL_SUFFIXES,
  OPTION_VALUES, SHADES, type LeafSpec,
} from './word-lists/common';
import { FASHION_LEAVES } from './word-lists/fashion';
import { LIFESTYLE_LEAVES } from './word-lists/lifestyle';

export interface GenerateCatalogOptions {
  /** Number of products (1 to 1,000,000). */
  size?: number;
  seed?: number;
  /** Currency of every price; ranges are scaled for a few common currencies. */
  currencyCode?: string;
}

/** A generated catalog: iterate it (products are made on the fly, so 100,000 cost no memory). */
export interface GeneratedCatalog extends Iterable<SeedProduct> {
  readonly length: number;
  readonly seed: number;
}

const LEAVES: readonly LeafSpec[] = [...FASHION_LEAVES, ...LIFESTYLE_LEAVES];
const CUMULATIVE = LEAVES.reduce<number[]>((sums, leaf) => [...sums, (sums[sums.length - 1] ?? 0) + leaf.weight], []);
const TOTAL_WEIGHT = CUMULATIVE[CUMULATIVE.length - 1]!;
const CURRENCY_SCALE: Record<string, number> = { EUR: 1, USD: 1.1, GBP: 0.85, CHF: 1, INR: 90, JPY: 160 };
const CATALOG_START = Date.UTC(2023, 0, 1);
const TWO_YEARS_MS = 730 * 24 * 3600 * 1000;

/**
 * A deterministic demo catalog from the project's own word lists: product i is the same for a
 * given seed whatever the size, so 2,000 products are the first 2,000 of 100,000.
 */
export function generateCatalog(options: GenerateCatalogOptions = {}): GeneratedCatalog {
  const size = options.size ?? 2000;
  const seed = options.seed ?? 42;
  const currencyCode = options.currencyCode ?? 'EUR';
  if (!Number.isInteger(size) || size < 1 || size > 1_000_000) throw new RangeError('size must be an integer from 1 to 1,000,000');
  currencyDigits(currencyCode);
  return {
    length: size,
    seed,
    *[Symbol.iterator]() {
      for (let index = 0; index < size; index++) yield generateProduct(seed, index, currencyCode);
    },
  };
}

export function generateProduct(seed: number, index: number, currencyCode = 'EUR'): SeedProduct {
  const random = Random.forItem(seed, index);
  const leaf = pickLeaf(random);
  const number = String(index + 1).padStart(6, '0');
  const id = `gen-${number}`;
  const brand = random.pick(leaf.brands);
  const audience = leaf.audience ? random.pick(leaf.audience) : null;
  const colour = leaf.coloured ? random.pick(COLOURS) : null;
  const noun = random.pick(leaf.nouns);
  const attributes: ProductAttribute[] = [];
  if (audience) attributes.push({ name: 'Gender', value: audience.replace("'s", '') });
  if (colour) attributes.push({ name: 'Colour', value: colour });
  for (const [name, values] of Object.entries(leaf.attributes)) attributes.push({ name, value: random.pick(values) });
  const text = describe(leaf, random, { brand, audience, colour, noun, attributes });
  const price = pricing(random, leaf, currencyCode);
  const images = Array.from({ length: random.int(1, 4) }, (_, n) => ({
    url: `/images/catalog/${id}/${n + 1}.jpg`,
    alt: n === 0 ? text.name : `${text.name}, view ${n + 1}`,
  }));
  return {
    id,
    slug: `${slugify(text.name, 70) || 'product'}-${index + 1}`,
    name: text.name,
    brand,
    description: text.description,
    currencyCode,
    categoryPath: [...leaf.path],
    images,
    attributes,
    variants: variantsOf(random, leaf, `GEN${number}`, price),
    createdAt: new Date(CATALOG_START + Math.floor(random.next() * TWO_YEARS_MS / 1000) * 1000),
  };
}

function pickLeaf(random: Random): LeafSpec {
  const target = random.next() * TOTAL_WEIGHT;
  const position = CUMULATIVE.findIndex((sum) => target < sum);
  return LEAVES[position < 0 ? LEAVES.length - 1 : position]!;
}

interface Parts {
  brand: string;
  audience: string | null;
  colour: string | null;
  noun: string;
  attributes: ProductAttribute[];
}

function describe(leaf: LeafSpec, random: Random, parts: Parts): { name: string; description: string } {
  const [first, second] = random.sample(leaf.features, 2);
  const closing = random.pick(CLOSINGS);
  if (leaf.naming === 'book') {
    const author = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    parts.attributes.push({ name: 'Author', value: author });
    const cuisine = parts.attributes.find((attribute) => attribute.name === 'Cuisine')?.value;
    const title = cuisine
      ? `${cuisine} ${random.pick(['at Home', 'Every Day', 'Made Simple', 'for Friends'])}`
      : random.pick([
          `The ${random.pick(BOOK_ADJECTIVES)} ${random.pick(BOOK_NOUNS)}`,
          `${random.pick(BOOK_NOUNS)} of ${random.pick(BOOK_PLACES)}`,
          `A ${random.pick(BOOK_ADJECTIVES)} ${random.pick(BOOK_NOUNS)}`,
          `The ${random.pick(BOOK_NOUNS)} at ${random.pick(BOOK_PLACES)}`,
        ]);
    return { name: title, description: `A ${parts.noun.toLowerCase()} by ${author}. ${first}. ${second}. Published by ${parts.brand}.` };
  }
  if (leaf.naming === 'model') {
    const model = `${random.pick(MODEL_SERIES)} ${random.int(2, 20)}${random.pick(MODEL_SUFFIXES)}`;
    return {
      name: `${parts.brand} ${model} ${parts.noun}`,
      description: `The ${parts.brand} ${model} is a ${parts.noun.toLowerCase()} made for everyday use. ${first}. ${second}. ${closing}`,
    };
  }
  const adjective = leaf.adjectives.length > 0 ? random.pick(leaf.adjectives) : '';
  const material = parts.attributes.find((attribute) => /fabric|material/i.test(attribute.name))?.value;
  const name = [parts.brand, parts.audience, adjective, parts.colour, parts.noun].filter(Boolean).join(' ');
  const lead = `${adjective ? `${adjective} ` : ''}${parts.noun.toLowerCase()} by ${parts.brand}`;
  const description =
    `${lead.charAt(0).toUpperCase()}${lead.slice(1)}${parts.colour ? ` in ${parts.colour.toLowerCase()}` : ''}` +
    `${material ? `, made from ${material.toLowerCase()}` : ''}. ${first}. ${second}. ${closing}`;
  return { name, description };
}

interface Pricing {
  baseMajor: number;
  discount: number | null;
  digits: number;
}

function pricing(random: Random, leaf: LeafSpec, currencyCode: string): Pricing {
  const scale = CURRENCY_SCALE[currencyCode] ?? 1;
  const [low, high] = leaf.price;
  // Log-uniform: cheap products are more common than expensive ones.
  const baseMajor = Math.exp(Math.log(low) + random.next() * (Math.log(high) - Math.log(low))) * scale;
  return { baseMajor, discount: random.chance(0.25) ? 1.15 + random.next() * 0.45 : null, digits: currencyDigits(currencyCode) };
}

/** A shop-like price: 49.99 below 100, whole amounts above. */
function niceMinor(major: number, digits: number): number {
  const whole = Math.max(1, Math.floor(major));
  return digits === 0 ? whole : whole * 10 ** digits + (whole < 100 ? 10 ** digits - 1 : 0);
}

function variantsOf(random: Random, leaf: LeafSpec, skuBase: string, price: Pricing): VariantRecord[] {
  const make = (name: string | null, value: string | null, step: number): VariantRecord => {
    const priceMinor = niceMinor(price.baseMajor * (1 + step), price.digits);
    const compare = price.discount ? niceMinor(price.baseMajor * (1 + step) * price.discount, price.digits) : null;
    return {
      sku: value === null ? skuBase : `${skuBase}-${value.toUpperCase().replace(/[^A-Z0-9]+/g, '')}`,
      options: name && value ? [{ name, value }] : [],
      priceMinor,
      compareAtPriceMinor: compare !== null && compare > priceMinor ? compare : null,
    };
  };
  switch (leaf.option) {
    case 'none':
      return [make(null, null, 0)];
    case 'colour':
      return random.sample(COLOURS, random.int(1, 3)).map((colour) => make('Colour', colour, 0));
    case 'shade':
      return random.sample(SHADES, random.int(3, 5)).map((shade) => make('Shade', shade, 0));
    default: {
      const { name, values, step, run } = OPTION_VALUES[leaf.option];
      const length = Math.min(values.length, random.int(run[0], run[1]));
      const start = random.int(0, values.length - length);
      return values.slice(start, start + length).map((value, position) => make(name, value, step * position));
    }
  }
}
