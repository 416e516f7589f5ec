import type { Region, UserError } from '@shop/platform';

export const ORDER_STATUSES = ['PENDING', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'FAILED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * How far the checkout saga (or a cancellation) got; recorded before each external side effect
 * so that a reconciler can decide from it alone what to finish or undo after a crash.
 */
export const SAGA_STATES = [
  'started', // PENDING recorded, nothing done outside
  'priced', // cart read and priced; nothing done outside
  'reserving', // inventory reserve called (or about to be)
  'charging', // payment provider called (or about to be): outcome unknown until 'charged'
  'charged', // payment captured and recorded
  'confirmed', // order CONFIRMED with its outbox row; inventory commit and cart clear pending
  'done', // checkout finished
  'compensating', // order FAILED; releasing stock / refunding pending
  'failed', // order FAILED and compensated
  'cancelling', // order CANCELLED; releasing stock / refunding pending
  'restocking', // order CANCELLED; committed stock being put back (at most once)
  'cancelled', // order CANCELLED and compensated
] as const;
export type SagaState = (typeof SAGA_STATES)[number];

export const SETTLED_SAGA_STATES: readonly SagaState[] = ['done', 'failed', 'cancelled'];

export interface Address {
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  province: string | null;
  postalCode: string;
  countryCode: string;
  phone: string | null;
}

export interface PricedLine {
  sku: string;
  productId: string;
  name: string;
  variantTitle: string | null;
  unitPriceMinor: number;
  quantity: number;
}

export interface Totals {
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The cart as priced by the catalog, with totals: the amount that is charged. */
export interface PricedCart {
  currencyCode: string;
  lines: PricedLine[];
  totals: Totals;
}

export type PaymentStatus = 'CAPTURED' | 'REFUNDED';

export interface PaymentSummary {
  provider: string;
  brand: string;
  last4: string;
  reference: string;
  status: PaymentStatus;
}

export interface OrderRecord {
  id: string;
  seq: number;
  customer: string;
  idempotencyKey: string;
  requestFingerprint: string;
  cartFingerprint: string | null;
  status: OrderStatus;
  sagaState: SagaState;
  email: string | null;
  region: Region;
  shippingAddress: Address;
  pricing: PricedCart | null;
  currencyCode: string | null;
  totals: Totals | null;
  payment: PaymentSummary | null;
  userErrors: UserError[];
  failureCode: string | null;
  failureReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
}

export interface OrderLineRecord extends PricedLine {
  orderId: string;
  position: number;
}

/** One event in the outbox, delivered to activity as a purchase. */
export interface PurchaseEvent {
  id: string;
  type: 'purchase';
  productId: string;
  sku: string;
  quantity: number;
  orderId: string;
  at: string;
}
