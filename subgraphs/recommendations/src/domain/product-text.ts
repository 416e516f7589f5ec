import { createHash } from 'node:crypto';
import type { ProductVectorMetadata } from '../data-access/vector-index';

/** What the indexer knows of a catalog product, as read from the catalog's change feed. */
export interface IndexableProduct {
  id: string;
  name: string;
  brand: string;
  description: string;
  /** Category names from the root to the leaf, e.g. Apparel, Topwear, Tshirts. */
  categoryPath: string[];
  /** Category ids and slugs from the root to the leaf, for filters. */
  categoryKeys: string[];
  attributes: Array<{ name: string; value: string }>;
}

const COLOUR_ATTRIBUTES = new Set(['colour', 'color', 'base colour', 'base color', 'base_colour']);
const MAX_DESCRIPTION_CHARS = 600;

/**
 * The text a product is embedded from: what tells products apart comes first (name, category,
 * brand, attributes), as the local model reads only the first 128 tokens.
 */
export function productText(product: IndexableProduct): string {
  const parts = [product.name.trim()];
  if (product.categoryPath.length > 0) parts.push(product.categoryPath.join(' > '));
  if (product.brand.trim()) parts.push(`Brand: ${product.brand.trim()}`);
  const attributes = product.attributes.filter((attribute) => attribute.value.trim() !== '');
  if (attributes.length > 0) parts.push(attributes.map((attribute) => `${attribute.name}: ${attribute.value}`).join(', '));
  const description = product.description.replace(/\s+/g, ' ').trim().slice(0, MAX_DESCRIPTION_CHARS);
  if (description) parts.push(description);
  return parts.join('. ');
}

/** Changes whenever the embedded text or the embedding model changes. */
export function textHash(text: string, embedderId: string): string {
  return createHash('sha256').update(embedderId).update('\u0000').update(text).digest('base64url').slice(0, 22);
}

export function colourOf(product: IndexableProduct): string {
  return product.attributes.find((attribute) => COLOUR_ATTRIBUTES.has(attribute.name.toLowerCase()))?.value ?? '';
}

export function productMetadata(product: IndexableProduct, hash: string): ProductVectorMetadata {
  return {
    name: product.name,
    brand: product.brand,
    categories: product.categoryKeys,
    articleType: product.categoryPath[product.categoryPath.length - 1] ?? '',
    colour: colourOf(product),
    textHash: hash,
  };
}

/** Lowercased name without punctuation, to spot the same product listed twice. */
export function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
