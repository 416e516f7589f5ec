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

/**
 * The stored state of a product: its record, or a tombstone when it was deleted. Documents saved
 * by older versions of the catalog may lack newer fields or hold dates as text or numbers: they
 * get defaults, so that a process starting on an older database loads it instead of failing.
 */
export function toState(document: ProductDocument): ProductRecord | ProductTombstone {
  const updatedAt = asDate(document.updatedAt);
  if (document.deletedAt) return { id: String(document._id), deleted: true, updatedAt };
  const { _id, deletedAt: _deletedAt, ...rest } = document;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const variants = Array.isArray(rest.variants) ? rest.variants : [];
  return {
    ...rest,
    id: String(_id),
    slug: text(rest.slug),
    name: text(rest.name),
    brand: text(rest.brand),
    description: text(rest.description),
    currencyCode: text(rest.currencyCode),
    priceMinor: Number.isFinite(rest.priceMinor) ? rest.priceMinor : 0,
    categoryId: text(rest.categoryId),
    compareAtPriceMinor: rest.compareAtPriceMinor ?? null,
    images: rest.images ?? [],
    attributes: rest.attributes ?? [],
    categoryIds: rest.categoryIds ?? [],
    variants: variants.map((variant) => ({ ...variant, options: variant.options ?? [], compareAtPriceMinor: variant.compareAtPriceMinor ?? null })),
    createdAt: asDate(rest.createdAt ?? document.updatedAt),
    updatedAt,
  };
}

/** A stored date, whatever an older version wrote (Date, ISO text or epoch milliseconds); epoch 0 when missing. */
function asDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : new Date(0);
  return Number.isFinite(date.getTime()) ? date : new Date(0);
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
