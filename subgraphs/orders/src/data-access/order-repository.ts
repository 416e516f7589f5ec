import { randomUUID } from 'node:crypto';
import type { OrderRecord, PricedCart, PurchaseEvent } from '../domain/order';
import type { OrderStore } from '../domain/ports';
import type { Database } from './postgres';
import { isOrderId, toOrderRecord, type OrderRow } from './order-rows';

const LEASE = `now() + $LEASE::int * interval '1 millisecond'`;
const lease = (param: number) => LEASE.replace('$LEASE', `$${param}`);

/** The checkout saga's writes. Every state change is conditional on the state it leaves. */
export function createOrderRepository(db: Database): OrderStore {
  const findById = async (id: string): Promise<OrderRecord | null> => {
    if (!isOrderId(id)) return null;
    const { rows } = await db.query<OrderRow>('orders.findById', 'SELECT * FROM orders WHERE id = $1', [id]);
    return rows[0] ? toOrderRecord(rows[0]) : null;
  };

  return {
    findById,

    async startOrFind(checkout, leaseMs) {
      const inserted = await db.query<OrderRow>(
        'orders.start',
        `INSERT INTO orders (id, customer, idempotency_key, request_fingerprint, status, saga_state, lease_until,
                             email, region, shipping_address)
         VALUES ($1, $2, $3, $4, 'PENDING', 'started', ${lease(5)}, $6, $7, $8)
         ON CONFLICT (customer, idempotency_key) DO NOTHING
         RETURNING *`,
        [
          randomUUID(),
          checkout.customer,
          checkout.idempotencyKey,
          checkout.requestFingerprint,
          leaseMs,
          checkout.email,
          checkout.region,
          JSON.stringify(checkout.address),
        ],
      );
      if (inserted.rows[0]) return { created: true, order: toOrderRecord(inserted.rows[0]) };
      const existing = await db.query<OrderRow>(
        'orders.findByKey',
        'SELECT * FROM orders WHERE customer = $1 AND idempotency_key = $2',
        [checkout.customer, checkout.idempotencyKey],
      );
      if (!existing.rows[0]) throw new Error('idempotency key conflict without a row');
      return { created: false, order: toOrderRecord(existing.rows[0]) };
    },

    async advance(id, from, to, patch, leaseMs) {
      const { rowCount } = await db.query(
        'orders.advance',
        `UPDATE orders SET
           saga_state = $3,
           lease_until = ${lease(4)},
           updated_at = now(),
           cart_fingerprint = COALESCE($5, cart_fingerprint),
           pricing = COALESCE($6::jsonb, pricing),
           payment_provider = COALESCE($7, payment_provider),
           payment_brand = COALESCE($8, payment_brand),
           payment_last4 = COALESCE($9, payment_last4),
           payment_reference = COALESCE($10, payment_reference),
           payment_status = CASE WHEN $11 AND payment_status IS NOT NULL THEN 'REFUNDED' ELSE COALESCE($12, payment_status) END
         WHERE id = $1 AND saga_state = $2`,
        [
          id,
          from,
          to,
          leaseMs,
          patch.cartFingerprint ?? null,
          patch.pricing ? JSON.stringify(patch.pricing) : null,
          patch.payment?.provider ?? null,
          patch.payment?.brand ?? null,
          patch.payment?.last4 ?? null,
          patch.payment?.reference ?? null,
          patch.paymentRefunded ?? false,
          patch.payment?.status ?? null,
        ],
      );
      return rowCount === 1;
    },

    confirm(id: string, pricing: PricedCart, events: PurchaseEvent[], confirmedAt: Date, leaseMs: number) {
      return db.transaction(async (sql) => {
        const { totals, lines } = pricing;
        const confirmed = await sql.query<{ customer: string }>(
          'orders.confirm',
          `UPDATE orders SET status = 'CONFIRMED', saga_state = 'confirmed', lease_until = ${lease(8)},
             currency_code = $2, subtotal_minor = $3, shipping_minor = $4, tax_minor = $5, total_minor = $6,
             confirmed_at = $7, updated_at = now()
           WHERE id = $1 AND saga_state = 'charged' AND status = 'PENDING'
           RETURNING customer`,
          [id, pricing.currencyCode, totals.subtotalMinor, totals.shippingMinor, totals.taxMinor, totals.totalMinor, confirmedAt, leaseMs],
        );
        const customer = confirmed.rows[0]?.customer;
        if (!customer) return false;
        await sql.query(
          'orderLines.insert',
          `INSERT INTO order_lines (order_id, position, sku, product_id, name, variant_title, unit_price_minor, quantity)
           SELECT $1, line.*
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::int[]) AS line`,
          [
            id,
            lines.map((_line, index) => index),
            lines.map((line) => line.sku),
            lines.map((line) => line.productId),
            lines.map((line) => line.name),
            lines.map((line) => line.variantTitle),
            lines.map((line) => line.unitPriceMinor),
            lines.map((line) => line.quantity),
          ],
        );
        if (events.length === 0) return true;
        await sql.query(
          'outbox.insert',
          `INSERT INTO outbox (order_id, topic, shopper, payload) VALUES ($1, 'purchase', $2, $3)`,
          [id, customer, JSON.stringify({ events })],
        );
        return true;
      });
    },

    async fail(id, from, failure, leaseMs) {
      const { rowCount } = await db.query(
        'orders.fail',
        `UPDATE orders SET status = 'FAILED', saga_state = 'compensating', lease_until = ${lease(3)},
           failure_code = $4, failure_reason = $5, user_errors = $6, cart_fingerprint = COALESCE(cart_fingerprint, $7),
           updated_at = now()
         WHERE id = $1 AND saga_state = $2 AND status = 'PENDING'`,
        [id, from, leaseMs, failure.code, failure.reason, JSON.stringify(failure.userErrors), failure.cartFingerprint],
      );
      return rowCount === 1;
    },

    async beginCancel(id, leaseMs) {
      const { rowCount } = await db.query(
        'orders.beginCancel',
        `UPDATE orders SET status = 'CANCELLED', saga_state = 'cancelling', lease_until = ${lease(2)},
           cancelled_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'CONFIRMED' AND saga_state = 'done'`,
        [id, leaseMs],
      );
      return rowCount === 1;
    },

    async changeStatus(id, from, to) {
      const { rowCount } = await db.query(
        'orders.changeStatus',
        'UPDATE orders SET status = $3, updated_at = now() WHERE id = $1 AND status = $2',
        [id, from, to],
      );
      return rowCount === 1;
    },

    async claimStale(limit, leaseMs) {
      const { rows } = await db.query<OrderRow>(
        'orders.claimStale',
        `UPDATE orders SET lease_until = ${lease(2)}
         WHERE id IN (
           SELECT id FROM orders
           WHERE saga_state NOT IN ('done', 'failed', 'cancelled') AND lease_until < now()
           ORDER BY lease_until
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [limit, leaseMs],
      );
      return rows.map(toOrderRecord);
    },
  };
}
