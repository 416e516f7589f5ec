import { createHash } from 'node:crypto';
import type { ShopperEvent } from './profile';

/** Products bought (or carted) together once: an order, or one session's add-to-carts. */
export interface Basket {
  /** Identifies the basket whoever's history it is read from (a guest's history moves to the user on sign-in). */
  key: string;
  items: string[];
  /** Orders count 1, cart sessions less (many carts are abandoned). */
  weight: number;
  at: Date;
}

export interface RelatedProduct {
  id: string;
  /** Cosine of co-occurrence: together ÷ √(baskets with one × baskets with the other), 0..1. */
  score: number;
}

/** Larger baskets are wholesale or stock-up orders and say little about what goes together. */
export const MAX_BASKET_ITEMS = 60;
export const CART_SESSION_GAP_MS = 30 * 60_000;
export const CART_SESSION_WEIGHT = 0.5;

const keyOf = (kind: string, at: Date, items: readonly string[]) =>
  createHash('sha256').update(`${kind}|${at.toISOString()}|${[...items].sort().join('|')}`).digest('base64url').slice(0, 22);

/**
 * The baskets in a shopper's history: purchase events of one order share its confirmation time
 * (orders writes them together), and add-to-carts with less than 30 minutes between them form a
 * session, counted once it has ended (its last add-to-cart 30 minutes before `now`).
 */
export function basketsOf(events: readonly ShopperEvent[], now: Date): Basket[] {
  const baskets: Basket[] = [];
  const orders = new Map<number, Set<string>>();
  const carts = [...events]
    .filter((event) => event.type === 'add_to_cart' && event.productId)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) {
    if (event.type !== 'purchase' || !event.productId) continue;
    const items = orders.get(event.at.getTime()) ?? new Set<string>();
    items.add(event.productId);
    orders.set(event.at.getTime(), items);
  }
  for (const [time, items] of orders) {
    const at = new Date(time);
    baskets.push({ key: keyOf('order', at, [...items]), items: [...items], weight: 1, at });
  }
  let session: ShopperEvent[] = [];
  const close = () => {
    const items = [...new Set(session.map((event) => event.productId!))];
    const last = session[session.length - 1];
    if (last && now.getTime() - last.at.getTime() >= CART_SESSION_GAP_MS) {
      baskets.push({ key: keyOf('cart', session[0]!.at, items), items, weight: CART_SESSION_WEIGHT, at: session[0]!.at });
    }
    session = [];
  };
  for (const event of carts) {
    const last = session[session.length - 1];
    if (last && event.at.getTime() - last.at.getTime() > CART_SESSION_GAP_MS) close();
    session.push(event);
  }
  close();
  return baskets.filter((basket) => basket.items.length >= 2 && basket.items.length <= MAX_BASKET_ITEMS);
}

export interface CoPurchaseSnapshot {
  baskets: Array<[string, number]>;
  pairs: Array<[string, Array<[string, number]>]>;
}

/** How often products are bought together, weighted by basket; pure and serializable. */
export class CoPurchaseCounts {
  private readonly basketCount = new Map<string, number>();
  private readonly pairs = new Map<string, Map<string, number>>();

  static fromSnapshot(snapshot: CoPurchaseSnapshot): CoPurchaseCounts {
    const counts = new CoPurchaseCounts();
    for (const [id, count] of snapshot.baskets) counts.basketCount.set(id, count);
    for (const [id, row] of snapshot.pairs) counts.pairs.set(id, new Map(row));
    return counts;
  }

  add(items: readonly string[], weight = 1): void {
    const distinct = [...new Set(items)];
    if (distinct.length < 2 || distinct.length > MAX_BASKET_ITEMS) return;
    for (const a of distinct) {
      this.basketCount.set(a, (this.basketCount.get(a) ?? 0) + weight);
      const row = this.pairs.get(a) ?? new Map<string, number>();
      for (const b of distinct) if (a !== b) row.set(b, (row.get(b) ?? 0) + weight);
      this.pairs.set(a, row);
    }
  }

  /** The `k` products most bought with `productId`, strongest first. */
  related(productId: string, k: number): RelatedProduct[] {
    const row = this.pairs.get(productId);
    if (!row) return [];
    const own = this.basketCount.get(productId) ?? 1;
    return [...row]
      .map(([id, together]) => ({ id, score: together / Math.sqrt(own * (this.basketCount.get(id) ?? 1)) }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, k);
  }

  get products(): number {
    return this.basketCount.size;
  }

  snapshot(): CoPurchaseSnapshot {
    return { baskets: [...this.basketCount], pairs: [...this.pairs].map(([id, row]) => [id, [...row]]) };
  }
}
