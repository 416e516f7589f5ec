import type { Collection, Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';

export interface VariantRecord {
  sku: string;
  options: Array<{ name: string; value: string }>;
  priceMinor: number;
}

export interface ProductRecord {
  id: string;
  slug: string;
  name: string;
  brand: string;
  description: string;
  currencyCode: string;
  /** Lowest variant price, kept on the document for sorting and range filters. */
  priceMinor: number;
  variants: VariantRecord[];
  createdAt: Date;
  updatedAt: Date;
}

type ProductDocument = Omit<ProductRecord, 'id'> & { _id: string };

const toRecord = ({ _id, ...rest }: ProductDocument): ProductRecord => ({ id: _id, ...rest });

export interface ProductRepository {
  ensureIndexes(): Promise<void>;
  findByIds(ids: readonly string[]): Promise<ProductRecord[]>;
  findBySlugs(slugs: readonly string[]): Promise<ProductRecord[]>;
  findBySkus(skus: readonly string[]): Promise<ProductRecord[]>;
  upsertMany(products: ProductRecord[]): Promise<void>;
}

export function createProductRepository(db: Db, roundTrips?: RoundTripCounter): ProductRepository {
  const products: Collection<ProductDocument> = db.collection<ProductDocument>('products');
  const find = async (operation: string, filter: Parameters<typeof products.find>[0]) => {
    roundTrips?.record(operation);
    return (await products.find(filter).toArray()).map(toRecord);
  };
  return {
    async ensureIndexes() {
      await products.createIndexes([
        { key: { slug: 1 }, name: 'slug_unique', unique: true },
        { key: { 'variants.sku': 1 }, name: 'variant_sku' },
      ]);
    },
    findByIds: (ids) => find('products.findByIds', { _id: { $in: [...ids] } }),
    findBySlugs: (slugs) => find('products.findBySlugs', { slug: { $in: [...slugs] } }),
    findBySkus: (skus) => find('products.findBySkus', { 'variants.sku': { $in: [...skus] } }),
    async upsertMany(records) {
      if (records.length === 0) return;
      roundTrips?.record('products.upsertMany');
      await products.bulkWrite(
        records.map(({ id, ...rest }) => ({
          replaceOne: { filter: { _id: id }, replacement: rest, upsert: true },
        })),
        { ordered: false },
      );
    },
  };
}
