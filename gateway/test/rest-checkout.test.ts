import { OpenApiValidator, type OpenApiDocument } from './rest-support/openapi-validator';
import { startRestShop, type RestResponse, type RestShop } from './rest-support/rest-shop';
import { skuOf } from './rest-support/fixture';

interface Cart {
  id: string;
  totalQuantity: number;
  subtotal: { amount: string; currencyCode: string } | null;
  lines: Array<{ sku: string; quantity: number; product: { id: string } }>;
}
interface Order {
  id: string;
  status: string;
  itemCount: number;
  lines: Array<{ sku: string; quantity: number }>;
  totals: { subtotal: { amount: string } } | null;
}
type ErrorBody = {
  error: { code: string; message: string; details?: { cart?: Cart; order?: Order; shortages?: unknown[]; userErrors?: Array<{ code: string }> } };
};

const address = { fullName: 'Ada Lovelace', line1: '12 Analytical Street', city: 'London', postalCode: 'N1 9GU', countryCode: 'GB' };
const card = (cardNumber = '4242 4242 4242 4242') => ({ cardNumber, expiryMonth: 12, expiryYear: 2099, cvc: '123' });
const checkout = (idempotencyKey: string, cardNumber?: string) => ({
  idempotencyKey,
  shippingAddress: address,
  payment: card(cardNumber),
  region: 'eu',
});

describe('REST routes over the real cart, orders, inventory, catalog and accounts', () => {
  let shop: RestShop;
  let openApi: OpenApiValidator;

  beforeAll(async () => {
    shop = await startRestShop(['cart', 'orders']);
    openApi = new OpenApiValidator((await shop.call<OpenApiDocument>('GET', '/api/openapi.json')).body);
  });
  afterAll(async () => {
    await shop?.close();
  });

  const expectDocumented = (operationId: string, response: RestResponse<unknown>, status: number) => {
    expect({ operationId, status: response.status, body: response.body }).toEqual({ operationId, status, body: response.body });
    expect(openApi.responseErrors(operationId, status, response.body)).toEqual([]);
  };
  const available = async (productId: string) =>
    (await shop.call<{ stock: { stock: { available: number } } }>('GET', `/api/stock/${productId}`)).body.stock.stock.available;

  it('when a guest fills and empties a cart, then the guest session carries it and refusals leave it unchanged', async () => {
    // given
    const start = await shop.call<{ cart: Cart }>('GET', '/api/cart');
    const guestToken = start.headers.get('x-guest-token')!;
    // when
    const added = await shop.call<{ cart: Cart }>('POST', '/api/cart/add', { body: { sku: skuOf('tee-red'), quantity: 2 }, guestToken });
    const tooMany = await shop.call<ErrorBody>('POST', '/api/cart/add', { body: { sku: skuOf('tee-green'), quantity: 5 }, guestToken });
    const unknown = await shop.call<ErrorBody>('POST', '/api/cart/add', { body: { sku: 'no-such-sku' }, guestToken });
    const seen = await shop.call<{ cart: Cart }>('GET', '/api/cart', { guestToken });
    const someoneElse = await shop.call<{ cart: Cart }>('GET', '/api/cart');
    const cleared = await shop.call<{ cart: Cart }>('DELETE', '/api/cart', { guestToken });
    // then
    expectDocumented('getCart', start, 200);
    expect(start.body.cart.lines).toEqual([]);
    expectDocumented('addToCart', added, 200);
    expect(added.body.cart.lines.map((line) => [line.sku, line.quantity, line.product.id])).toEqual([[skuOf('tee-red'), 2, 'tee-red']]);
    expect(added.body.cart.subtotal).toEqual({ amount: '39.98', currencyCode: 'EUR' });
    expectDocumented('addToCart', tooMany, 409);
    expect(tooMany.body.error.code).toBe('OUT_OF_STOCK');
    expect(tooMany.body.error.details!.cart!.totalQuantity).toBe(2);
    expectDocumented('addToCart', unknown, 404);
    expect(seen.body.cart.lines.map((line) => line.sku)).toEqual([skuOf('tee-red')]);
    expect(someoneElse.body.cart.lines).toEqual([]);
    expectDocumented('clearCart', cleared, 200);
    expect(cleared.body.cart.lines).toEqual([]);
  });

  it('when a shopper checks out over REST, then the order is confirmed once, stock goes down once and only their session lists it', async () => {
    // given
    const bearer = await shop.signUp('rest-buyer@example.com');
    const other = await shop.signUp('rest-other@example.com');
    await shop.call('POST', '/api/cart/add', { body: { sku: skuOf('tee-blue'), quantity: 2 }, bearer });
    // when
    const placed = await shop.call<{ order: Order }>('POST', '/api/orders', { body: checkout('rest-checkout-1'), bearer });
    const retried = await shop.call<{ order: Order }>('POST', '/api/orders', { body: checkout('rest-checkout-1'), bearer });
    // then
    expectDocumented('placeOrder', placed, 201);
    expect(placed.body.order).toMatchObject({ status: 'CONFIRMED', itemCount: 2, lines: [{ sku: skuOf('tee-blue'), quantity: 2 }] });
    expect(placed.body.order.totals!.subtotal.amount).toBe('49.98');
    expect(retried.body.order.id).toBe(placed.body.order.id);
    expect(await available('tee-blue')).toBe(18);
    const mine = await shop.call<{ orders: Order[] }>('GET', '/api/orders', { bearer });
    expectDocumented('listOrders', mine, 200);
    expect(mine.body.orders.map((order) => order.id)).toEqual([placed.body.order.id]);
    expect((await shop.call<{ orders: Order[] }>('GET', '/api/orders', { bearer: other })).body.orders).toEqual([]);
    const byHeader = await shop.call<ErrorBody>('GET', '/api/orders', { headers: { 'x-user-email': 'rest-buyer@example.com' } });
    expectDocumented('listOrders', byHeader, 401);
    expect(JSON.stringify(byHeader.body)).not.toContain(placed.body.order.id);
  });

  it('when the card is declined, then REST answers 402 with the failed order and no stock is taken', async () => {
    // given
    const bearer = await shop.signUp('rest-declined@example.com');
    await shop.call('POST', '/api/cart/add', { body: { sku: skuOf('watch'), quantity: 1 }, bearer });
    // when
    const response = await shop.call<ErrorBody>('POST', '/api/orders', { body: checkout('rest-declined-1', '4000 0000 0000 0002'), bearer });
    // then
    expectDocumented('placeOrder', response, 402);
    expect(response.body.error.code).toBe('PAYMENT_DECLINED');
    expect(response.body.error.details!.order!.status).toBe('FAILED');
    expect(await available('watch')).toBe(5);
  });

  it('when an admin decrements stock, then all lines or none are taken and a retry with the same key takes nothing more', async () => {
    // given
    const admin = await shop.signInAdmin();
    const body = { idempotencyKey: 'pos-sale-0001', region: 'eu', lines: [{ sku: skuOf('shoe-run'), quantity: 3 }] };
    // when
    const taken = await shop.call('PATCH', '/api/stock/decrement', { body, bearer: admin });
    const replay = await shop.call('PATCH', '/api/stock/decrement', { body, bearer: admin });
    const reused = await shop.call<ErrorBody>('PATCH', '/api/stock/decrement', {
      body: { ...body, lines: [{ sku: skuOf('shoe-run'), quantity: 1 }] },
      bearer: admin,
    });
    const short = await shop.call<ErrorBody>('PATCH', '/api/stock/decrement', {
      body: {
        idempotencyKey: 'pos-sale-0002',
        lines: [
          { sku: skuOf('shoe-walk'), quantity: 1 },
          { sku: skuOf('tee-green'), quantity: 5 },
        ],
      },
      bearer: admin,
    });
    // then
    expectDocumented('decrementStock', taken, 200);
    expect(taken.body).toEqual(body);
    expect(replay.body).toEqual(body);
    expect(await available('shoe-run')).toBe(7);
    expectDocumented('decrementStock', reused, 409);
    expect(reused.body.error.code).toBe('RESERVATION_MISMATCH');
    expectDocumented('decrementStock', short, 409);
    expect(short.body.error).toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { shortages: [{ sku: skuOf('tee-green'), requested: 5, available: 2 }] },
    });
    expect(await available('shoe-walk')).toBe(10);
  });

  it('when a shopper or a partner calls the service-only decrement, then it is refused with 403 and no stock moves', async () => {
    // given
    const shopper = await shop.signUp('rest-not-staff@example.com');
    const { createApiKey } = await shop.graphql<{ createApiKey: { key: string } }>(
      'mutation { createApiKey(partnerName: "Stock partner", scopes: ["catalog:read", "stock:read"]) { key } }',
      {},
      { bearer: await shop.signInAdmin() },
    );
    const body = { idempotencyKey: 'not-allowed-1', lines: [{ sku: skuOf('shoe-walk'), quantity: 1 }] };
    // when
    const asShopper = await shop.call<ErrorBody>('PATCH', '/api/stock/decrement', { body, bearer: shopper });
    const asPartner = await shop.call<ErrorBody>('PATCH', '/api/stock/decrement', { body, apiKey: createApiKey.key });
    // then
    expectDocumented('decrementStock', asShopper, 403);
    expect([asShopper.body.error.code, asPartner.status, asPartner.body.error.code]).toEqual(['FORBIDDEN', 403, 'FORBIDDEN']);
    expect(await available('shoe-walk')).toBe(10);
  });

  it('when a partner key is used, then its scopes decide as on /graphql: catalog reads pass, other subgraphs and writes are 403', async () => {
    // given
    const { createApiKey } = await shop.graphql<{ createApiKey: { key: string } }>(
      'mutation { createApiKey(partnerName: "Catalog partner", scopes: ["catalog:read"]) { key } }',
      {},
      { bearer: await shop.signInAdmin() },
    );
    const apiKey = createApiKey.key;
    // when
    const products = await shop.call('GET', '/api/products?first=2', { apiKey });
    const stock = await shop.call<ErrorBody>('GET', '/api/stock/tee-red', { apiKey });
    const cart = await shop.call<ErrorBody>('POST', '/api/cart/add', { body: { sku: skuOf('tee-red') }, apiKey });
    const unknownKey = await shop.call<ErrorBody>('GET', '/api/products', { apiKey: 'shop_pk_unknown-key-unknown-key' });
    // then
    expectDocumented('listProducts', products, 200);
    expectDocumented('getStock', stock, 403);
    expectDocumented('addToCart', cart, 403);
    expectDocumented('listProducts', unknownKey, 401);
    expect(unknownKey.body.error.code).toBe('UNAUTHENTICATED');
  });
});
