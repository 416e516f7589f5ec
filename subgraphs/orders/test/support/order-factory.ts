import { randomUUID } from 'node:crypto';
import { DEFAULT_PRICING_RULES } from '../../src/config';
import type { ValidCheckout } from '../../src/domain/checkout-input';
import type { OrderRecord } from '../../src/domain/order';
import type { OrderStore } from '../../src/domain/ports';
import { priceCart } from '../../src/domain/pricing';

const LEASE = 60_000;

/**
 * Walks an order through the saga's own store to CONFIRMED (as checkout would, without the other
 * subgraphs), for tests of reading, listing and status changes.
 */
export async function seedConfirmedOrder(orders: OrderStore, customer: string, n: number): Promise<OrderRecord> {
  const checkout: ValidCheckout = {
    customer,
    idempotencyKey: `seed-${randomUUID()}`,
    address: { fullName: 'Seed', line1: '1 Seed St', line2: null, city: 'Seedville', province: null, postalCode: '12345', countryCode: 'DE', phone: null },
    card: { number: '4242424242424242', expiryMonth: 12, expiryYear: 2099, cvc: '123' },
    region: 'eu',
    email: null,
    requestFingerprint: randomUUID(),
  };
  const { order } = await orders.startOrFind(checkout, LEASE);
  const pricing = priceCart(
    'EUR',
    [{ sku: `sku-${n}`, productId: `p-${n}`, name: `Product ${n}`, variantTitle: 'Size M', unitPriceMinor: 1000 + n, quantity: 1 + (n % 3) }],
    'eu',
    DEFAULT_PRICING_RULES,
  );
  const steps = [
    ['started', 'priced', { pricing, cartFingerprint: 'seeded' }],
    ['priced', 'reserving', {}],
    ['reserving', 'charging', {}],
    ['charging', 'charged', { payment: { provider: 'test', brand: 'visa', last4: '4242', reference: `ref-${n}`, status: 'CAPTURED' as const } }],
  ] as const;
  for (const [from, to, patch] of steps) {
    if (!(await orders.advance(order.id, from, to, patch, LEASE))) throw new Error(`could not move ${order.id} to ${to}`);
  }
  if (!(await orders.confirm(order.id, pricing, [], new Date(), LEASE))) throw new Error(`could not confirm ${order.id}`);
  await orders.advance(order.id, 'confirmed', 'done', {}, LEASE);
  return (await orders.findById(order.id))!;
}
