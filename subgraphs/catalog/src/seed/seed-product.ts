import type { ProductAttribute, ProductImage, VariantRecord } from '../domain/product';

/** A product to seed: what the generator and the importers produce, categories given by name. */
export interface SeedProduct {
  id: string;
  slug: string;
  name: string;
  brand: string;
  description: string;
  currencyCode: string;
  /** Names from the top-level category down to the leaf, e.g. ["Footwear", "Shoes", "Casual Shoes"]. */
  categoryPath: string[];
  images: ProductImage[];
  attributes: ProductAttribute[];
  variants: VariantRecord[];
  createdAt: Date;
}

/** One SKU of a seeded product, for inventory to stock. */
export interface SeededVariant {
  productId: string;
  sku: string;
}
