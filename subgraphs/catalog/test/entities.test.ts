import type { MongoClient, Db } from 'mongodb';
import { createLogger, listen, RoundTripCounter, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { connectMongo } from '../src/data-access/mongo';
import { createProductRepository, type ProductRecord } from '../src/data-access/product-repository';
import { createCatalogServer } from '../src/server';

const product = (n: number): ProductRecord => ({
  id: `p${n}`,
  slug: `product-${n}`,
  name: `Product ${n}`,
  brand: 'Acme',
  description: `Description ${n}`,
  currencyCode: 'EUR',
  priceMinor: 1000 + n,
  variants: [
    { sku: `p${n}-s`, options: [{ name: 'Size', value: 'S' }], priceMinor: 1000 + n },
    { sku: `p${n}-m`, options: [{ name: 'Size', value: 'M' }], priceMinor: 1100 + n },
  ],
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('catalog entities', () => {
  let client: MongoClient;
  let db: Db;
  let server: RunningSubgraph;
  const roundTrips = new RoundTripCounter();

  beforeAll(async () => {
    ({ client, db } = await connectMongo(process.env.MONGODB_URL!, uniqueName('catalog_test')));
    server = await listen(
      await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET, roundTrips }),
      0,
    );
    await createProductRepository(db).upsertMany(Array.from({ length: 30 }, (_, i) => product(i)));
  });

  afterAll(async () => {
    await server?.close();
    await db?.dropDatabase();
    await client?.close();
  });

  beforeEach(() => roundTrips.reset());

  it('when the gateway asks for 30 products and 30 variants by reference, then it costs one read each', async () => {
    const representations = [
      ...Array.from({ length: 30 }, (_, i) => ({ __typename: 'Product', id: `p${i}` })),
      ...Array.from({ length: 30 }, (_, i) => ({ __typename: 'ProductVariant', sku: `p${i}-m` })),
      { __typename: 'Product', id: 'unknown' },
    ];
    const result = await callGraphQL<{ _entities: Array<Record<string, unknown> | null> }>(
      server.url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Product { id name price { amount currencyCode } }
        ... on ProductVariant { sku price { amount } product { id } } } }`,
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(61);
    expect(result.data!._entities[0]).toEqual({ id: 'p0', name: 'Product 0', price: { amount: '10.00', currencyCode: 'EUR' } });
    expect(result.data!._entities[31]).toEqual({ sku: 'p1-m', price: { amount: '11.01' }, product: { id: 'p1' } });
    expect(result.data!._entities[60]).toBeNull();
    expect(roundTrips.of('products.findByIds')).toBe(1);
    expect(roundTrips.of('products.findBySkus')).toBe(1);
  });

  it('when a request carries no signed identity, then it gets 401 and no data', async () => {
    const result = await callGraphQL(server.url, '{ _service { sdl } }', {}, { identity: null });
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
  });

  it('when the identity is signed with another secret, then it gets 401', async () => {
    const result = await callGraphQL(server.url, '{ product(id: "p1") { id } }', {}, {
      identity: identities.admin(),
      secret: 'forged-secret-forged-secret-forged-secret',
    });
    expect(result.status).toBe(401);
  });
});
