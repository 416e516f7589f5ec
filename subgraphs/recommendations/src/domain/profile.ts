/** One thing the shopper did, as the activity service reports it. */
export interface ShopperEvent {
  type: string;
  productId: string | null;
  sku: string | null;
  quantity: number;
  at: Date;
}

export interface ProfileOptions {
  /** Interest halves every this many days. */
  halfLifeDays?: number;
  weights?: Partial<Record<string, number>>;
}

/** Chosen by the offline evaluation on real baskets (bench/recommendations-eval.ts). */
export const DEFAULT_HALF_LIFE_DAYS = 180;

export const DEFAULT_EVENT_WEIGHTS: Record<string, number> = {
  view: 1,
  click: 1.5,
  add_to_cart: 3,
  purchase: 4,
};

export interface ShopperProfile {
  /** Interest per product, weighted by event type and decayed by age; strongest first. */
  interests: Array<{ productId: string; weight: number }>;
  purchased: Set<string>;
  /** Products added to the cart after their last purchase: most likely still in the cart. */
  carted: Set<string>;
}

/**
 * Builds a shopper's interests from their events: each event adds its type's weight to its
 * product, halved for every `halfLifeDays` of age. Events without a product are ignored
 * (resolve SKUs to products before).
 */
export function buildProfile(events: readonly ShopperEvent[], now: Date, options: ProfileOptions = {}): ShopperProfile {
  const halfLifeMs = (options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS) * 86_400_000;
  const weights = { ...DEFAULT_EVENT_WEIGHTS, ...options.weights };
  const interest = new Map<string, number>();
  const purchased = new Set<string>();
  const lastPurchase = new Map<string, number>();
  const lastCart = new Map<string, number>();
  for (const event of events) {
    if (!event.productId) continue;
    const typeWeight = weights[event.type] ?? 0;
    const age = Math.max(0, now.getTime() - event.at.getTime());
    const quantityBoost = event.type === 'purchase' || event.type === 'add_to_cart' ? 1 + Math.log(Math.max(1, event.quantity)) / 4 : 1;
    if (typeWeight > 0) {
      interest.set(event.productId, (interest.get(event.productId) ?? 0) + typeWeight * quantityBoost * 0.5 ** (age / halfLifeMs));
    }
    const time = event.at.getTime();
    if (event.type === 'purchase') {
      purchased.add(event.productId);
      lastPurchase.set(event.productId, Math.max(time, lastPurchase.get(event.productId) ?? 0));
    }
    if (event.type === 'add_to_cart') lastCart.set(event.productId, Math.max(time, lastCart.get(event.productId) ?? 0));
  }
  const carted = new Set([...lastCart].filter(([id, time]) => time > (lastPurchase.get(id) ?? -1)).map(([id]) => id));
  const interests = [...interest]
    .map(([productId, weight]) => ({ productId, weight }))
    .sort((a, b) => b.weight - a.weight || a.productId.localeCompare(b.productId));
  return { interests, purchased, carted };
}
