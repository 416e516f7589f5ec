import type { ProductAttribute, ProductImage, ProductRecord, ProductTombstone, VariantRecord } from '../domain/product';

/** A product as stored. A deleted product keeps its id and dates with `deletedAt` set and no content. */
export interface ProductDocument {
  _id: string;
  slug: string;
  name: string;
  brand: string;
  description: string;
  currencyCode: string;
  priceMinor: number;
  compareAtPriceMinor: number | null;
  images: ProductImage[];
  attributes: ProductAttribute[];
  categoryId: string;
  categoryIds: string[];
  variants: VariantRecord[];
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export function toDocument(record: ProductRecord): ProductDocument {
  const { id, ...rest } = record;
  return { _id: id, ...rest, deletedAt: null };
}

/** A tombstone's slug can never be a real slug (`~` is not allowed), so the unique index stays happy. */
export function tombstoneDocument(id: string, createdAt: Date, deletedAt: Date): ProductDocument {
  return {
    _id: id, slug: `~deleted~${id}`, name: '', brand: '', description: '', currencyCode: '', priceMinor: 0,
    compareAtPriceMinor: null, images: [], attributes: [], categoryId: '', categoryIds: [], variants: [],
    createdAt, updatedAt: deletedAt, deletedAt,
  };
}

/** The stored state of a product: its record, or a tombstone when it was deleted. */
export function toState(document: ProductDocument): ProductRecord | ProductTombstone {
  if (document.deletedAt) return { id: document._id, deleted: true, updatedAt: document.updatedAt };
  const { _id, deletedAt: _deletedAt, ...rest } = document;
  return {
    ...rest,
    id: _id,
    compareAtPriceMinor: rest.compareAtPriceMinor ?? null,
    images: rest.images ?? [],
    attributes: rest.attributes ?? [],
    categoryIds: rest.categoryIds ?? [],
    variants: (rest.variants ?? []).map((variant) => ({ ...variant, compareAtPriceMinor: variant.compareAtPriceMinor ?? null })),
  };
}

export interface DuplicateKey {
  field: 'slug' | 'sku' | 'id' | 'unknown';
}

/** MongoDB and FerretDB both report unique index violations with code 11000. */
export function duplicateKeyOf(error: unknown): DuplicateKey | null {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== 11000) return null;
  const details = JSON.stringify({
    message: (error as { message?: unknown }).message,
    keyPattern: (error as { keyPattern?: unknown }).keyPattern,
  });
  if (details.includes('slug')) return { field: 'slug' };
  if (details.includes('sku')) return { field: 'sku' };
  if (details.includes('_id')) return { field: 'id' };
  return { field: 'unknown' };
}
