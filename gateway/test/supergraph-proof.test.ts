import { PRODUCTS } from './rest-support/fixture';
import { startRestShop, type RestShop } from './rest-support/rest-shop';

interface ProofData {
  productsByIds: Array<{ id: string; name: string; price: { amount: string; currencyCode: string }; stock: { available: number; inStock: boolean } } | null>;
}

describe('the supergraph', () => {
  let shop: RestShop;

  beforeAll(async () => {
    shop = await startRestShop([]);
  }, 180_000);

  afterAll(async () => {
    await shop?.close();
  });

  it('when one query asks for products with their stock, then catalog (MongoDB) and inventory (DynamoDB) answer it together through the gateway', async () => {
    const ids = PRODUCTS.slice(0, 3).map((product) => product.id);
    const data = await shop.graphql<ProofData>(
      `query Proof($ids: [ID!]!) {
        productsByIds(ids: $ids) { id name price { amount currencyCode } stock(region: "eu") { available inStock } }
      }`,
      { ids },
    );
    expect(data.productsByIds.map((product) => product?.id)).toEqual(ids);
    for (const [index, product] of data.productsByIds.entries()) {
      const fixture = PRODUCTS[index]!;
      expect(product?.name).toBe(fixture.name);
      expect(product?.stock).toEqual({ available: fixture.stockEu, inStock: fixture.stockEu > 0 });
    }
  });
});
