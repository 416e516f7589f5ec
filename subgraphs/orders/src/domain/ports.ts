import type { UserError } from '@shop/platform';
import type { CardDetails } from './card';
import type { ValidCheckout } from './checkout-input';
import type { OrderRecord, OrderStatus, PaymentSummary, PricedCart, PurchaseEvent, SagaState } from './order';

/** The other subgraphs, seen from checkout: small, so that the saga reads without transport noise. */
export interface CartLineSnapshot {
  sku: string;
  quantity: number;
}

export interface CartPort {
  /** The owner's cart lines; empty when there is no cart. */
  linesOf(owner: string): Promise<CartLineSnapshot[]>;
  clear(owner: string): Promise<void>;
}

export interface CatalogVariant {
  sku: string;
  productId: string;
  productName: string;
  variantTitle: string | null;
  priceMinor: number;
  currencyCode: string;
}

export interface CatalogPort {
  /** One call for all SKUs; null where the catalog does not know the SKU. */
  variantsBySkus(skus: readonly string[]): Promise<Array<CatalogVariant | null>>;
}

export interface StockShortage {
  sku: string;
  requested: number;
  available: number;
}

export interface ReserveResult {
  reserved: boolean;
  shortages: StockShortage[];
  userErrors: UserError[];
}

export interface InventoryPort {
  reserve(orderId: string, lines: CartLineSnapshot[], region: string): Promise<ReserveResult>;
  /** Gives back held units; 'committed' when they were already sold, and so cannot be released. */
  release(orderId: string): Promise<'released' | 'committed'>;
  commit(orderId: string): Promise<void>;
  /** Adds units back to stock (not idempotent: callers make sure they ask once). */
  restock(lines: CartLineSnapshot[], region: string): Promise<void>;
}

export interface ActivityPort {
  recordPurchases(shopper: string, events: PurchaseEvent[]): Promise<void>;
}

export interface ChargeRequest {
  /** Our order id: the provider takes at most one payment per key. */
  paymentKey: string;
  amountMinor: number;
  currencyCode: string;
  card: CardDetails;
}

export type ChargeResult =
  | { status: 'captured'; reference: string; brand: string; last4: string }
  | { status: 'declined'; reason: string }
  | { status: 'invalid'; reason: string };

/** Takes and gives back payments. Both calls are idempotent per paymentKey. */
export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives back whatever was captured under the key; a no-op when nothing was. */
  refund(paymentKey: string): Promise<void>;
}

export interface SagaPatch {
  cartFingerprint?: string;
  pricing?: PricedCart;
  payment?: PaymentSummary;
  /** Marks a recorded payment REFUNDED. */
  paymentRefunded?: boolean;
}

export interface CheckoutFailureRecord {
  code: string;
  reason: string;
  userErrors: UserError[];
  cartFingerprint: string | null;
}

/** Order storage as the saga needs it. Every state change is conditional on the state it leaves. */
export interface OrderStore {
  /** Records a PENDING order, or finds the one already recorded for (customer, idempotencyKey). */
  startOrFind(checkout: ValidCheckout, leaseMs: number): Promise<{ created: boolean; order: OrderRecord }>;
  findById(id: string): Promise<OrderRecord | null>;
  advance(id: string, from: SagaState, to: SagaState, patch: SagaPatch, leaseMs: number): Promise<boolean>;
  /** One transaction: CONFIRMED, lines, totals, and the outbox row with the purchase events. */
  confirm(id: string, pricing: PricedCart, events: PurchaseEvent[], confirmedAt: Date, leaseMs: number): Promise<boolean>;
  /** FAILED with its reason; saga moves to 'compensating'. */
  fail(id: string, from: SagaState, failure: CheckoutFailureRecord, leaseMs: number): Promise<boolean>;
  /** CANCELLED; saga moves to 'cancelling'. Only from CONFIRMED with a finished checkout. */
  beginCancel(id: string, leaseMs: number): Promise<boolean>;
  /** Moves an order by an admin from one status to the next. */
  changeStatus(id: string, from: OrderStatus, to: OrderStatus): Promise<boolean>;
  /** Takes a lease on unsettled orders whose lease ran out (crashed or stuck sagas). */
  claimStale(limit: number, leaseMs: number): Promise<OrderRecord[]>;
}

export interface OutboxMessage {
  id: number;
  shopper: string;
  events: PurchaseEvent[];
  attempts: number;
}

export interface OutboxStore {
  /** Takes a lease on undelivered messages that are due, oldest first. */
  claimDue(limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
  /** Schedules another attempt with a growing delay. */
  markFailed(ids: readonly number[], error: string): Promise<void>;
}
