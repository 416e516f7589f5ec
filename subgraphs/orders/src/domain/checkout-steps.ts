import { createHash } from 'node:crypto';
import { userError, type Logger } from '@shop/platform';
import type { CardDetails } from './card';
import { cartFingerprint, type ValidCheckout } from './checkout-input';
import { CheckoutFailure, LostOwnership } from './checkout-failure';
import type { OrderRecord, PaymentSummary, PricedCart, PurchaseEvent, SagaState } from './order';
import { priceCart, type PricingRules } from './pricing';
import type { CartLineSnapshot, CartPort, CatalogPort, InventoryPort, OrderStore, PaymentProvider, SagaPatch } from './ports';

/** Everything checkout talks to. */
export interface CheckoutDeps {
  orders: OrderStore;
  cart: CartPort;
  catalog: CatalogPort;
  inventory: InventoryPort;
  payments: PaymentProvider;
  pricingRules: PricingRules;
  /** How long a saga step may take before the reconciler considers the order abandoned. */
  leaseMs: number;
  logger: Logger;
  now: () => Date;
  /** Called once an order is confirmed, e.g. to wake the outbox dispatcher. */
  onConfirmed: () => void;
}

/** The saga's view of one order while it runs. */
export interface SagaRun {
  order: OrderRecord;
  state: SagaState;
  cartFingerprint: string | null;
}

export const MAX_ORDER_LINES = 100;

export function startRun(order: OrderRecord): SagaRun {
  return { order, state: order.sagaState, cartFingerprint: null };
}

/** Records the next saga state, unless another worker took the order over meanwhile. */
export async function moveTo(deps: CheckoutDeps, run: SagaRun, to: SagaState, patch: SagaPatch = {}): Promise<void> {
  if (!(await deps.orders.advance(run.order.id, run.state, to, patch, deps.leaseMs))) throw new LostOwnership(run.order.id);
  run.state = to;
}

export function recordPendingOrder(deps: CheckoutDeps, checkout: ValidCheckout) {
  return deps.orders.startOrFind(checkout, deps.leaseMs);
}

export async function readCart(deps: CheckoutDeps, run: SagaRun): Promise<CartLineSnapshot[]> {
  const lines = await deps.cart.linesOf(run.order.customer);
  run.cartFingerprint = cartFingerprint(lines);
  if (lines.length === 0) throw new CheckoutFailure('EMPTY_CART', 'The cart is empty; add something before checking out');
  if (lines.length > MAX_ORDER_LINES) {
    throw new CheckoutFailure('BAD_USER_INPUT', `An order holds at most ${MAX_ORDER_LINES} lines`);
  }
  return lines;
}

/** Prices every line at the catalog's current price (one call) and computes the totals. */
export async function priceLines(deps: CheckoutDeps, run: SagaRun, lines: CartLineSnapshot[]): Promise<PricedCart> {
  const variants = await deps.catalog.variantsBySkus(lines.map((line) => line.sku));
  const unknown = lines.filter((_line, index) => !variants[index]);
  if (unknown.length > 0) {
    throw new CheckoutFailure(
      'PRODUCT_UNAVAILABLE',
      `No longer sold: ${unknown.map((line) => line.sku).join(', ')}`,
      unknown.map((line) => userError('PRODUCT_UNAVAILABLE', `${line.sku} is no longer sold; remove it from the cart`, ['cart', line.sku])),
    );
  }
  const currencies = new Set(variants.map((variant) => variant!.currencyCode));
  if (currencies.size > 1) {
    throw new CheckoutFailure('CURRENCY_MISMATCH', `The cart mixes currencies (${[...currencies].join(', ')})`);
  }
  const priced = priceCart(
    [...currencies][0]!,
    lines.map((line, index) => {
      const variant = variants[index]!;
      return {
        sku: line.sku,
        productId: variant.productId,
        name: variant.productName,
        variantTitle: variant.variantTitle,
        unitPriceMinor: variant.priceMinor,
        quantity: line.quantity,
      };
    }),
    run.order.region,
    deps.pricingRules,
  );
  await moveTo(deps, run, 'priced', { cartFingerprint: run.cartFingerprint ?? undefined, pricing: priced });
  return priced;
}

/** Reserves every line at once; short SKUs come back named, and nothing has been charged. */
export async function reserveStock(deps: CheckoutDeps, run: SagaRun, priced: PricedCart): Promise<void> {
  await moveTo(deps, run, 'reserving');
  const result = await deps.inventory.reserve(
    run.order.id,
    priced.lines.map(({ sku, quantity }) => ({ sku, quantity })),
    run.order.region,
  );
  if (result.reserved) return;
  if (result.shortages.length > 0) {
    throw new CheckoutFailure(
      'OUT_OF_STOCK',
      `Not enough stock for ${result.shortages.map((shortage) => shortage.sku).join(', ')}`,
      result.shortages.map((shortage) =>
        userError(
          'OUT_OF_STOCK',
          `Only ${shortage.available} of ${shortage.sku} left in ${run.order.region} (asked for ${shortage.requested})`,
          ['cart', shortage.sku],
        ),
      ),
    );
  }
  const first = result.userErrors[0];
  throw new CheckoutFailure(first?.code ?? 'UNAVAILABLE', first?.message ?? 'Stock could not be reserved', result.userErrors);
}

/** Charges the total once per order (the order id is the provider's idempotency key). */
export async function takePayment(
  deps: CheckoutDeps,
  run: SagaRun,
  priced: PricedCart,
  card: CardDetails,
): Promise<PaymentSummary> {
  await moveTo(deps, run, 'charging');
  const result = await deps.payments.charge({
    paymentKey: run.order.id,
    amountMinor: priced.totals.totalMinor,
    currencyCode: priced.currencyCode,
    card,
  });
  if (result.status === 'declined') {
    throw new CheckoutFailure('PAYMENT_DECLINED', `The card was declined: ${result.reason}`, [
      userError('PAYMENT_DECLINED', `The card was declined: ${result.reason}`, ['input', 'payment', 'cardNumber']),
    ]);
  }
  if (result.status === 'invalid') {
    throw new CheckoutFailure('CARD_INVALID', result.reason, [
      userError('CARD_INVALID', result.reason, ['input', 'payment', 'cardNumber']),
    ]);
  }
  const payment: PaymentSummary = {
    provider: deps.payments.name,
    brand: result.brand,
    last4: result.last4,
    reference: result.reference,
    status: 'CAPTURED',
  };
  try {
    await moveTo(deps, run, 'charged', { payment });
  } catch (error) {
    // The reconciler gave up on this order while the provider was answering, and may have
    // refunded before our capture landed: give the money back again (refunds are idempotent).
    if (error instanceof LostOwnership) await deps.payments.refund(run.order.id);
    throw error;
  }
  return payment;
}

/** A UUID derived from a name (RFC 4122 layout, version 5 style), so a re-sent event keeps its id. */
export function nameBasedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function purchaseEvents(orderId: string, priced: PricedCart, at: Date): PurchaseEvent[] {
  return priced.lines.map((line) => ({
    id: nameBasedUuid(`purchase:${orderId}:${line.sku}`),
    type: 'purchase',
    productId: line.productId,
    sku: line.sku,
    quantity: line.quantity,
    orderId,
    at: at.toISOString(),
  }));
}

/** The one PostgreSQL transaction that makes the order real, with its purchase event in the outbox. */
export async function confirmOrder(deps: CheckoutDeps, orderId: string, priced: PricedCart): Promise<void> {
  const confirmedAt = deps.now();
  const events = purchaseEvents(orderId, priced, confirmedAt);
  const confirmed = await deps.orders.confirm(orderId, priced, events, confirmedAt, deps.leaseMs);
  if (!confirmed) throw new LostOwnership(orderId);
}

/** After confirmation: take the reserved stock for good, empty the cart, let the outbox go. */
export async function completeOrder(deps: CheckoutDeps, order: Pick<OrderRecord, 'id' | 'customer'>): Promise<void> {
  await Promise.all([deps.inventory.commit(order.id), deps.cart.clear(order.customer)]);
  await deps.orders.advance(order.id, 'confirmed', 'done', {}, deps.leaseMs);
  deps.onConfirmed();
}
