/** A line as stored: the SKU with what the shopper saw when adding it (price and stock). */
export interface CartLineRecord {
  sku: string;
  quantity: number;
  productId: string;
  /** Unit price in minor units when the line was added or last changed; never used for totals. */
  addedPriceMinor: number;
  currencyCode: string;
  /** Units available in the region when the line was added or last changed. */
  stockSeen: number;
  addedAt: Date;
}

/** A stored cart; a cart without lines does not exist (it is removed instead). */
export interface CartRecord {
  owner: string;
  /** In the order they were first added. */
  lines: CartLineRecord[];
  updatedAt: Date;
  expiresAt: Date;
}

/** What the catalog says of a SKU now. */
export interface VariantPrice {
  sku: string;
  productId: string;
  priceMinor: number;
  currencyCode: string;
}

export interface CartLimits {
  maxLines: number;
  maxLineQuantity: number;
}

export interface CartSettings extends CartLimits {
  /** A cart expires this long after its last change. */
  ttlMs: number;
}

export const DEFAULT_CART_SETTINGS: CartSettings = { maxLines: 50, maxLineQuantity: 99, ttlMs: 30 * 60 * 1000 };

export const totalQuantity = (cart: CartRecord | null): number =>
  cart ? cart.lines.reduce((sum, line) => sum + line.quantity, 0) : 0;

export const linesOfProduct = (cart: CartRecord | null, productId: string): CartLineRecord[] =>
  cart ? cart.lines.filter((line) => line.productId === productId) : [];
