import { REGIONS, userError, type Region } from '@shop/platform';
import { isQuantity, isValidId, MAX_ADJUST_QUANTITY } from './limits';
import { isRegion, type Parsed } from './reserve-request';

export type AdjustMode = 'add' | 'set';

export interface AdjustRequest {
  sku: string;
  region: Region;
  quantity: number;
  productId: string | null;
  mode: AdjustMode;
}

/** Restock adds 1..1,000,000 units; setStock sets 0..1,000,000. */
export function parseAdjustRequest(
  input: { sku: string; region: string; quantity: number; productId?: string | null },
  mode: AdjustMode,
): Parsed<AdjustRequest> {
  const errors = [];
  if (!isValidId(input.sku)) errors.push(userError('INVALID_SKU', 'sku must be 1 to 256 letters, digits or _ . : @ / -', ['sku']));
  if (!isRegion(input.region)) {
    errors.push(userError('UNKNOWN_REGION', `Unknown region "${input.region.slice(0, 32)}"; expected one of ${REGIONS.join(', ')}`, ['region']));
  }
  const min = mode === 'add' ? 1 : 0;
  if (!isQuantity(input.quantity, min, MAX_ADJUST_QUANTITY)) {
    errors.push(userError('INVALID_QUANTITY', `quantity must be a whole number from ${min} to ${MAX_ADJUST_QUANTITY}`, ['quantity']));
  }
  const productId = input.productId ?? null;
  if (productId !== null && !isValidId(productId)) {
    errors.push(userError('INVALID_PRODUCT_ID', 'productId must be 1 to 256 letters, digits or _ . : @ / -', ['productId']));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { sku: input.sku, region: input.region as Region, quantity: input.quantity, productId, mode } };
}
