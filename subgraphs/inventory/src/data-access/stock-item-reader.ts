import { BatchGetItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { RoundTripCounter } from '@shop/platform';
import { readInChunks } from './batch';
import { keyId, type ItemKey } from './keys';

/** What a stock read needs of an item: a stock item's units, or a product map's SKUs (sorted). */
export interface StockItem {
  available?: number;
  skus?: string[];
}

export interface StockItemReader {
  /** The items found, by keyId; absent keys are missing from the map. Eventually consistent. */
  read(keys: readonly ItemKey[]): Promise<Map<string, StockItem>>;
}

/** Longer keys cannot have been written (inputs are validated), so they are not asked for. */
const MAX_KEY_LENGTH = 512;
const usable = (key: ItemKey) => key.pk.length <= MAX_KEY_LENGTH && key.sk.length <= MAX_KEY_LENGTH;

const toKey = (key: ItemKey): Record<string, AttributeValue> => ({ pk: { S: key.pk }, sk: { S: key.sk } });
const fromKey = (key: Record<string, AttributeValue>): ItemKey => ({ pk: key.pk?.S ?? '', sk: key.sk?.S ?? '' });

/**
 * The read path of every stock page: BatchGetItem on the low-level client, asking only for the
 * attributes it uses and parsing them by hand, which saves the document client's marshalling of
 * whole items on every call. Writes and consistent reads stay on the document client.
 */
export function createStockItemReader(client: DynamoDBClient, table: string, roundTrips?: RoundTripCounter): StockItemReader {
  return {
    async read(keys) {
      const items = await readInChunks(
        keys.filter(usable),
        async (part) => {
          const response = await client.send(
            new BatchGetItemCommand({
              RequestItems: {
                [table]: {
                  Keys: part.map(toKey),
                  ProjectionExpression: '#pk, #sk, #available, #skus',
                  ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#available': 'available', '#skus': 'skus' },
                },
              },
            }),
          );
          return { items: response.Responses?.[table] ?? [], unprocessed: (response.UnprocessedKeys?.[table]?.Keys ?? []).map(fromKey) };
        },
        { roundTrips, operation: 'inventory.batchGet.read' },
      );
      const found = new Map<string, StockItem>();
      for (const item of items) {
        const value: StockItem = {};
        if (item.available?.N !== undefined) value.available = Number(item.available.N);
        if (item.skus?.SS) value.skus = [...item.skus.SS].sort();
        found.set(keyId(fromKey(item)), value);
      }
      return found;
    },
  };
}
