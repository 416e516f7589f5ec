import type { Region, UserError } from '@shop/platform';
import type {
  Address,
  OrderLineRecord,
  OrderRecord,
  OrderStatus,
  PaymentStatus,
  PricedCart,
  SagaState,
} from '../domain/order';

/** An order row as pg returns it (bigint columns come back as strings). */
export interface OrderRow {
  id: string;
  seq: string;
  customer: string;
  idempotency_key: string;
  request_fingerprint: string;
  cart_fingerprint: string | null;
  status: OrderStatus;
  saga_state: SagaState;
  email: string | null;
  region: Region;
  shipping_address: Address;
  pricing: PricedCart | null;
  currency_code: string | null;
  subtotal_minor: string | null;
  shipping_minor: string | null;
  tax_minor: string | null;
  total_minor: string | null;
  payment_provider: string | null;
  payment_brand: string | null;
  payment_last4: string | null;
  payment_reference: string | null;
  payment_status: PaymentStatus | null;
  user_errors: UserError[];
  failure_code: string | null;
  failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
}

export interface OrderLineRow {
  order_id: string;
  position: number;
  sku: string;
  product_id: string;
  name: string;
  variant_title: string | null;
  unit_price_minor: string;
  quantity: number;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that could be ours; anything else cannot name an order (and would make PostgreSQL throw). */
export const isOrderId = (id: string): boolean => UUID_PATTERN.test(id);

export function toOrderRecord(row: OrderRow): OrderRecord {
  const hasTotals = row.total_minor !== null;
  return {
    id: row.id,
    seq: Number(row.seq),
    customer: row.customer,
    idempotencyKey: row.idempotency_key,
    requestFingerprint: row.request_fingerprint,
    cartFingerprint: row.cart_fingerprint,
    status: row.status,
    sagaState: row.saga_state,
    email: row.email,
    region: row.region,
    shippingAddress: row.shipping_address,
    pricing: row.pricing,
    currencyCode: row.currency_code,
    totals: hasTotals
      ? {
          subtotalMinor: Number(row.subtotal_minor),
          shippingMinor: Number(row.shipping_minor),
          taxMinor: Number(row.tax_minor),
          totalMinor: Number(row.total_minor),
        }
      : null,
    payment:
      row.payment_status && row.payment_brand && row.payment_last4
        ? {
            provider: row.payment_provider ?? 'unknown',
            brand: row.payment_brand,
            last4: row.payment_last4,
            reference: row.payment_reference ?? '',
            status: row.payment_status,
          }
        : null,
    userErrors: row.user_errors,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
  };
}

export function toOrderLineRecord(row: OrderLineRow): OrderLineRecord {
  return {
    orderId: row.order_id,
    position: row.position,
    sku: row.sku,
    productId: row.product_id,
    name: row.name,
    variantTitle: row.variant_title,
    unitPriceMinor: Number(row.unit_price_minor),
    quantity: row.quantity,
  };
}
