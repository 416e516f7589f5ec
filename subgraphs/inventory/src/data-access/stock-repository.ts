import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { REGIONS, type Region, type RoundTripCounter } from '@shop/platform';
import { batchGetAll, batchPutAll, type StoredItem } from './batch';
import { transactionOutcome } from './errors';
import { keyId, productKey, stockKey, type WriteListener } from './keys';

/** Longer keys cannot have been written (inputs are validated), so they are not asked for. */
const MAX_KEY_LENGTH = 512;

export interface SkuStock {
  sku: string;
  productId: string | null;
  /** Available units per region that has a stock item; a missing region holds none. */
  available: Partial<Record<Region, number>>;
}

export interface ProductSkus {
  productId: string;
  skus: string[];
}

export interface StockChange {
  sku: string;
  region: Region;
  productId: string;
  mode: 'add' | 'set';
  quantity: number;
  /** An add that would take available above this is refused. */
  maxAvailable: number;
}

export interface StockSeedItem {
  productId: string;
  sku: string;
  region: Region;
  available: number;
}

export interface StockRepository {
  skusOfProducts(productIds: readonly string[]): Promise<ProductSkus[]>;
  stockOfSkus(skus: readonly string[], options?: { consistent?: boolean }): Promise<SkuStock[]>;
  /** Applies an admin change and records the SKU under its product; 'limit' when it would overflow. */
  adjust(change: StockChange): Promise<'applied' | 'limit'>;
  /** Writes the stock items that do not exist yet (existing stock is live and kept) and the product map. */
  seedMissing(items: readonly StockSeedItem[]): Promise<{ written: number }>;
}

const usable = (key: string) => key.length > 0 && key.length <= MAX_KEY_LENGTH;

export function createStockRepository(
  doc: DynamoDBDocumentClient,
  table: string,
  roundTrips?: RoundTripCounter,
  onWrite: WriteListener = () => {},
): StockRepository {
  const repository: StockRepository = {
    async skusOfProducts(productIds) {
      const items = await batchGetAll(doc, table, productIds.filter(usable).map(productKey), {
        roundTrips,
        operation: 'inventory.batchGet.products',
      });
      return items.map((item) => ({
        productId: String(item.productId),
        skus: [...((item.skus as Set<string> | undefined) ?? [])].sort(),
      }));
    },

    async stockOfSkus(skus, options = {}) {
      const keys = skus.filter(usable).flatMap((sku) => REGIONS.map((region) => stockKey(sku, region)));
      const items = await batchGetAll(doc, table, keys, {
        roundTrips,
        operation: 'inventory.batchGet.stock',
        consistent: options.consistent,
      });
      const bySku = new Map<string, SkuStock>();
      for (const item of items) {
        const sku = String(item.sku);
        const entry = bySku.get(sku) ?? { sku, productId: null, available: {} };
        entry.productId = typeof item.productId === 'string' ? item.productId : entry.productId;
        entry.available[item.region as Region] = Number(item.available ?? 0);
        bySku.set(sku, entry);
      }
      return [...bySku.values()];
    },

    async adjust(change) {
      const now = new Date().toISOString();
      const common = { ':p': change.productId, ':sku': change.sku, ':r': change.region, ':q': change.quantity, ':one': 1, ':zero': 0, ':now': now };
      const stockUpdate =
        change.mode === 'add'
          ? {
              UpdateExpression:
                'SET available = if_not_exists(available, :zero) + :q, version = if_not_exists(version, :zero) + :one, productId = :p, sku = :sku, #region = :r, updatedAt = :now',
              ConditionExpression: 'attribute_not_exists(available) OR available <= :room',
              ExpressionAttributeValues: { ...common, ':room': change.maxAvailable - change.quantity },
            }
          : {
              UpdateExpression:
                'SET available = :q, version = if_not_exists(version, :zero) + :one, productId = :p, sku = :sku, #region = :r, updatedAt = :now',
              ExpressionAttributeValues: common,
            };
      roundTrips?.record('inventory.transactWrite.adjust');
      const outcome = await transactionOutcome(() =>
        doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: stockKey(change.sku, change.region),
                  ExpressionAttributeNames: { '#region': 'region' },
                  ...stockUpdate,
                },
              },
              {
                Update: {
                  TableName: table,
                  Key: productKey(change.productId),
                  UpdateExpression: 'ADD skus :skus SET productId = :p',
                  ExpressionAttributeValues: { ':skus': new Set([change.sku]), ':p': change.productId },
                },
              },
            ],
          }),
        ),
      ).finally(() => onWrite([stockKey(change.sku, change.region), productKey(change.productId)]));
      if (outcome.ok) return 'applied';
      if (outcome.reasons[0] === 'ConditionalCheckFailed') return 'limit';
      throw new Error(`stock adjustment cancelled: ${outcome.reasons.join(', ') || 'no reason given'}`);
    },

    async seedMissing(items) {
      const productIds = [...new Set(items.map((item) => item.productId))];
      const existing = await batchGetAll(
        doc,
        table,
        [...items.map((item) => stockKey(item.sku, item.region)), ...productIds.map(productKey)],
        { roundTrips, operation: 'inventory.batchGet.seed', consistent: true },
      );
      const present = new Map(existing.map((item) => [keyId(item), item]));
      const now = new Date().toISOString();
      const writes: StoredItem[] = [];
      for (const item of items) {
        const key = stockKey(item.sku, item.region);
        if (present.has(keyId(key))) continue;
        writes.push({ ...key, sku: item.sku, region: item.region, productId: item.productId, available: item.available, version: 1, updatedAt: now });
      }
      const skusByProduct = new Map<string, Set<string>>();
      for (const item of items) skusByProduct.set(item.productId, (skusByProduct.get(item.productId) ?? new Set()).add(item.sku));
      for (const [productId, skus] of skusByProduct) {
        const key = productKey(productId);
        const known = (present.get(keyId(key))?.skus as Set<string> | undefined) ?? new Set<string>();
        if ([...skus].every((sku) => known.has(sku))) continue;
        writes.push({ ...key, productId, skus: new Set([...known, ...skus]) });
      }
      try {
        await batchPutAll(doc, table, writes, { roundTrips, operation: 'inventory.batchWrite.seed' });
      } finally {
        onWrite(writes);
      }
      return { written: writes.length };
    },
  };
  return repository;
}
