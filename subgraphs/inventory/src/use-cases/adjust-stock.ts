import { userError, type UserError } from '@shop/platform';
import { MAX_AVAILABLE } from '../domain/limits';
import { parseAdjustRequest, type AdjustMode } from '../domain/stock-adjustment';
import { stockLevel } from '../domain/stock-level';
import type { VariantStockView } from './read-stock';
import type { InventoryStore } from './store';

export interface AdjustResult {
  variantStock: VariantStockView | null;
  userErrors: UserError[];
}

const refused = (...userErrors: UserError[]): AdjustResult => ({ variantStock: null, userErrors });

/**
 * Admin restock (mode add) or setStock (mode set) of one SKU in one region. A SKU inventory has
 * never seen is only accepted with its productId, which also records it under that product.
 */
export async function adjustStock(
  store: InventoryStore,
  input: { sku: string; region: string; quantity: number; productId?: string | null },
  mode: AdjustMode,
): Promise<AdjustResult> {
  const parsed = parseAdjustRequest(input, mode);
  if (!parsed.ok) return refused(...parsed.errors);
  const request = parsed.value;
  const [current] = await store.stock.stockOfSkus([request.sku], { consistent: true });
  const knownProductId = current?.productId ?? null;
  if (!knownProductId && !request.productId) {
    return refused(userError('UNKNOWN_SKU', `Inventory does not know SKU ${request.sku}; give its productId to add it`, ['sku']));
  }
  if (knownProductId && request.productId && knownProductId !== request.productId) {
    return refused(
      userError('SKU_PRODUCT_MISMATCH', `SKU ${request.sku} belongs to product ${knownProductId}, not ${request.productId}`, ['productId']),
    );
  }
  const outcome = await store.stock.adjust({
    sku: request.sku,
    region: request.region,
    productId: (knownProductId ?? request.productId)!,
    mode: request.mode,
    quantity: request.quantity,
    maxAvailable: MAX_AVAILABLE,
  });
  if (outcome === 'limit') {
    return refused(userError('STOCK_LIMIT', `A SKU holds at most ${MAX_AVAILABLE} units per region`, ['quantity']));
  }
  const [after] = await store.stock.stockOfSkus([request.sku], { consistent: true });
  return {
    variantStock: { sku: request.sku, stock: stockLevel(after?.available ?? {}, request.region, store.settings.lowStockThreshold) },
    userErrors: [],
  };
}
