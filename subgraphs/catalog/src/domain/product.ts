export interface ProductImage {
  url: string;
  alt: string;
}

export interface ProductAttribute {
  name: string;
  value: string;
}

export interface VariantOption {
  name: string;
  value: string;
}

export interface VariantRecord {
  sku: string;
  options: VariantOption[];
  /** Exact price in minor units of the product's currency. */
  priceMinor: number;
  compareAtPriceMinor: number | null;
}

/** A whole live product as stored (and as the read model keeps it). */
export interface ProductRecord {
  id: string;
  slug: string;
  name: string;
  brand: string;
  currencyCode: string;
  /** Price of the cheapest variant. */
  priceMinor: number;
  compareAtPriceMinor: number | null;
  description: string;
  images: ProductImage[];
  /** Free-form specifications, in the merchant's order. */
  attributes: ProductAttribute[];
  /** Leaf category. */
  categoryId: string;
  /** The leaf category and all its ancestors, top-level first. */
  categoryIds: string[];
  variants: VariantRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** What is left of a deleted product, so that the change feed can report the deletion. */
export interface ProductTombstone {
  id: string;
  deleted: true;
  updatedAt: Date;
}

export function isTombstone(value: ProductRecord | ProductTombstone): value is ProductTombstone {
  return 'deleted' in value && value.deleted === true;
}

/** The cheapest variant decides the product's "from" price. */
export function cheapestVariant(variants: readonly VariantRecord[]): VariantRecord {
  if (variants.length === 0) throw new Error('a product needs at least one variant');
  return variants.reduce((best, variant) => (variant.priceMinor < best.priceMinor ? variant : best));
}

export function variantTitle(options: readonly VariantOption[]): string {
  return options.length === 0 ? 'Default' : options.map((option) => option.value).join(' / ');
}
