import { randomUUID } from 'node:crypto';
import { OpenApiValidator, type OpenApiDocument } from './rest-support/openapi-validator';
import { startRestShop, type RestResponse, type RestShop } from './rest-support/rest-shop';
import { skuOf } from './rest-support/fixture';

interface Product {
  id: string;
  name: string;
  price: { amount: string; currencyCode: string };
  category: { id: string };
}
interface ProductPage {
  products: Product[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface StockLevel {
  region: string;
  available: number;
  inStock: boolean;
  lowStock: boolean;
}
interface ProductStock {
  productId: string;
  stock: StockLevel;
  variants: Array<{ sku: string; stock: StockLevel }>;
}
type ErrorBody = { error: { code: string; message: string; details?: { userErrors?: Array<{ code: string }> } } };

describe('REST routes over the real catalog, inventory, activity and recommendations', () => {
  let shop: RestShop;
  let openApi: OpenApiValidator;

  beforeAll(async () => {
    shop = await startRestShop(['activity', 'recommendations']);
    openApi = new OpenApiValidator((await shop.call<OpenApiDocument>('GET', '/api/openapi.json')).body);
  });
  afterAll(async () => {
    await shop?.close();
  });

  /** The response has the status and matches the schema the OpenAPI document gives for it. */
  const expectDocumented = (operationId: string, response: RestResponse<unknown>, status: number) => {
    expect({ operationId, status: response.status, body: response.body }).toEqual({ operationId, status, body: response.body });
    expect(openApi.responseErrors(operationId, status, response.body)).toEqual([]);
  };
  const ids = (products: Array<{ id: string }>) => products.map((product) => product.id);

  it('when products are listed by category, by ids and page by page, then the listing answers with exact prices and cursors', async () => {
    // when
    const tshirts = await shop.call<ProductPage>('GET', '/api/products?category=apparel-tshirts&sort=PRICE_ASC');
    const byIds = await shop.call<ProductPage>('GET', '/api/products?ids=watch,shoe-run');
    const first = await shop.call<ProductPage>('GET', '/api/products?category=apparel&first=2&sort=PRICE_ASC');
    const second = await shop.call<ProductPage>(
      'GET',
      `/api/products?category=apparel&first=2&sort=PRICE_ASC&after=${encodeURIComponent(first.body.pageInfo.endCursor!)}`,
    );
    // then
    expectDocumented('listProducts', tshirts, 200);
    expect(ids(tshirts.body.products)).toEqual(['tee-green', 'tee-red', 'tee-blue']);
    expect(tshirts.body.totalCount).toBe(3);
    expect(tshirts.body.products[1]!.price).toEqual({ amount: '19.99', currencyCode: 'EUR' });
    expect(tshirts.body.products[1]!.category.id).toBe('apparel.tshirts');
    expect(ids(byIds.body.products).sort()).toEqual(['shoe-run', 'watch']);
    expect(first.body.pageInfo.hasNextPage).toBe(true);
    expect([...ids(first.body.products), ...ids(second.body.products)]).toEqual(['tee-green', 'tee-red', 'tee-blue']);
    expect(second.body.pageInfo.hasNextPage).toBe(false);
  });

  it('when one product is asked for, then it comes with its variants; an unknown one is a JSON 404', async () => {
    // when
    const found = await shop.call<{ product: Product & { variants: Array<{ sku: string; price: { amount: string } }> } }>(
      'GET',
      '/api/products/tee-red',
    );
    const unknown = await shop.call<ErrorBody>('GET', '/api/products/no-such-product');
    // then
    expectDocumented('getProduct', found, 200);
    expect(found.body.product.name).toBe('Acme Men Red Crew T-shirt');
    expect(found.body.product.variants).toEqual([expect.objectContaining({ sku: 'tee-red-m', price: { amount: '19.99', currencyCode: 'EUR' } })]);
    expectDocumented('getProduct', unknown, 404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });

  it('when stock is asked for several products and one, then it is per region in the order asked; a product inventory does not keep is a 404', async () => {
    // when
    const several = await shop.call<{ stock: ProductStock[] }>('GET', '/api/stock?productIds=tee-green,watch,not-stocked');
    const us = await shop.call<{ stock: ProductStock[] }>('GET', '/api/stock?productIds=tee-red&region=us');
    const one = await shop.call<{ stock: ProductStock }>('GET', '/api/stock/tee-red');
    const unknown = await shop.call<ErrorBody>('GET', '/api/stock/not-stocked');
    // then
    expectDocumented('listStock', several, 200);
    expect(several.body.stock.map((entry) => [entry.productId, entry.stock.available, entry.stock.lowStock])).toEqual([
      ['tee-green', 2, true],
      ['watch', 5, true],
      ['not-stocked', 0, false],
    ]);
    expect(several.body.stock[0]!.variants).toEqual([expect.objectContaining({ sku: skuOf('tee-green') })]);
    expect(us.body.stock[0]!.stock).toMatchObject({ region: 'us', available: 3 });
    expectDocumented('getStock', one, 200);
    expect(one.body.stock.stock).toMatchObject({ region: 'eu', available: 20, inStock: true, lowStock: false });
    expectDocumented('getStock', unknown, 404);
  });

  it('when a guest sends views and a click, then each is recorded once and trending and view counts follow', async () => {
    // given
    const start = await shop.call('GET', '/api/trending');
    const guestToken = start.headers.get('x-guest-token')!;
    const view = { productId: 'shoe-walk', categoryIds: ['footwear', 'footwear.shoes'] };
    // when
    const first = await shop.call<{ eventId: string; duplicate: boolean }>('POST', '/api/view-event', { body: view, guestToken });
    const retry = await shop.call<{ eventId: string; duplicate: boolean }>('POST', '/api/view-event', {
      body: { ...view, eventId: first.body.eventId },
      guestToken,
    });
    const other = await shop.call('POST', '/api/view-event', { body: { ...view, eventId: randomUUID() }, guestToken });
    const click = await shop.call<{ eventId: string }>('POST', '/api/click', { body: { productId: 'watch', source: 'home' }, guestToken });
    // then
    expectDocumented('recordViewEvent', first, 201);
    expect(first.body.duplicate).toBe(false);
    expect(retry.body).toEqual({ eventId: first.body.eventId, duplicate: true });
    expect(other.status).toBe(201);
    expectDocumented('recordClickEvent', click, 201);
    const counts = await shop.graphql<{ product: { viewCount: number } }>('{ product(id: "shoe-walk") { viewCount } }');
    expect(counts.product.viewCount).toBe(2);
    const trending = await shop.call<{ products: Product[] }>('GET', '/api/trending?first=3');
    expectDocumented('getTrendingProducts', trending, 200);
    expect(trending.body.products[0]!.id).toBe('shoe-walk');
    expect(trending.body.products).toHaveLength(3);
    const shoes = await shop.call<{ products: Product[] }>('GET', '/api/trending?category=footwear.shoes');
    expect(shoes.body.products[0]!.id).toBe('shoe-walk');
  });

  it('when activity refuses an event (a month too old), then REST answers 400 with its code and nothing is counted', async () => {
    // given
    const at = new Date(Date.now() - 30 * 24 * 3_600_000).toISOString();
    // when
    const response = await shop.call<ErrorBody>('POST', '/api/view-event', { body: { productId: 'tee-green', at } });
    // then
    expectDocumented('recordViewEvent', response, 400);
    expect(response.body.error.code).toBe('TIMESTAMP_TOO_OLD');
    expect(response.body.error.details!.userErrors![0]!.code).toBe('TIMESTAMP_TOO_OLD');
    const counts = await shop.graphql<{ product: { viewCount: number } }>('{ product(id: "tee-green") { viewCount } }');
    expect(counts.product.viewCount).toBe(0);
  });

  it('when similar products are asked for, then the nearest in meaning come first and never the product itself', async () => {
    // when
    const similar = await shop.call<{ productId: string; products: Product[] }>('GET', '/api/similar?productId=tee-red&first=2');
    const unknown = await shop.call<ErrorBody>('GET', '/api/similar?productId=no-such-product');
    // then
    expectDocumented('getSimilarProducts', similar, 200);
    expect(similar.body.productId).toBe('tee-red');
    expect(ids(similar.body.products)).toEqual(['tee-blue', 'tee-green']);
    expectDocumented('getSimilarProducts', unknown, 404);
  });

  it('when suggestions beside a product, a cart and a category are asked for, then they follow the context and leave its products out', async () => {
    // when
    const beside = await shop.call<{ products: Product[] }>('GET', '/api/recommendations/contextual?productId=shoe-run&first=1');
    const inCategory = await shop.call<{ products: Product[] }>(
      'GET',
      `/api/recommendations/contextual?productId=tee-red&cartSkus=${skuOf('tee-blue')}&category=apparel-tshirts`,
    );
    // then
    expectDocumented('getContextualRecommendations', beside, 200);
    expect(ids(beside.body.products)).toEqual(['shoe-walk']);
    expect(ids(inCategory.body.products)).toEqual(['tee-green']);
  });

  it("when a guest who viewed a T-shirt asks for recommendations, then other T-shirts are suggested to that guest's session", async () => {
    // given
    const start = await shop.call('GET', '/api/recommendations');
    const guestToken = start.headers.get('x-guest-token')!;
    await shop.call('POST', '/api/view-event', { body: { productId: 'tee-red', categoryIds: ['apparel', 'apparel.tshirts'] }, guestToken });
    // when
    const response = await shop.call<{ products: Product[] }>('GET', '/api/recommendations?first=2', { guestToken });
    // then
    expectDocumented('getRecommendations', start, 200);
    expectDocumented('getRecommendations', response, 200);
    expect(ids(response.body.products)).toContain('tee-blue');
  });
});
