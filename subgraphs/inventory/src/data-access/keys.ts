import type { Region } from '@shop/platform';

/**
 * One table holds three kinds of items:
 *   stock        pk SKU#<sku>        sk REGION#<region>   available, version, productId
 *   product map  pk PRODUCT#<id>     sk SKUS              skus (string set)
 *   reservation  pk ORDER#<orderId>  sk RESERVATION       lines, region, status, applied, expiresAt
 * Active reservations also carry gsi1pk/gsi1sk so the sweeper finds expired ones by index.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

export const DEFAULT_TABLE_PREFIX = 'shop_';

export const tableName = (prefix: string) => `${prefix}inventory`;

export const ACTIVE_INDEX = 'active-by-expiry';
export const ACTIVE_SHARDS = 4;

export const stockKey = (sku: string, region: Region): ItemKey => ({ pk: `SKU#${sku}`, sk: `REGION#${region}` });
export const productKey = (productId: string): ItemKey => ({ pk: `PRODUCT#${productId}`, sk: 'SKUS' });
export const reservationKey = (orderId: string): ItemKey => ({ pk: `ORDER#${orderId}`, sk: 'RESERVATION' });

export const orderIdOfKey = (pk: string) => pk.slice('ORDER#'.length);

/** Spreads active reservations over a few index partitions so one hot partition does not take every write. */
export function activeShard(orderId: string): string {
  let hash = 0;
  for (let i = 0; i < orderId.length; i++) hash = (hash * 31 + orderId.charCodeAt(i)) >>> 0;
  return `ACTIVE#${hash % ACTIVE_SHARDS}`;
}

export const keyId = (key: ItemKey) => `${key.pk}\u0000${key.sk}`;

export function keyOfId(id: string): ItemKey {
  const at = id.indexOf('\u0000');
  return { pk: id.slice(0, at), sk: id.slice(at + 1) };
}

/** Told the keys of stock items and product maps a write may have changed (caches forget them). */
export type WriteListener = (keys: readonly ItemKey[]) => void;
