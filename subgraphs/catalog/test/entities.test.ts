import { identities, TEST_IDENTITY_SECRET, callGraphQL } from '@shop/platform/testing';
import { generateCatalog } from '../src/seed/generate-catalog';
import type { SeedProduct } from '../src/seed/seed-product';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';

type Entity = Record<string, unknown> | null;

describe('catalog entities and lookups', () => {
  let catalog: CatalogTestServer;
  let generated: SeedProduct[];

  beforeAll(async () => {
    generated = [...generateCatalog({ size: 40, seed: 7 })];
    catalog = await startCatalogServer('catalog_entities', [...FIXTURE_PRODUCTS, ...generated]);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  beforeEach(() => catalog.roundTrips.reset());

  it('when the gateway asks for 30 products and 30 variants by reference, then one change-log read answers all of them', async () => {
    // given references to 30 products, to one variant of each, and to an unknown product
    const products = generated.slice(0, 30);
    const representations = [
      ...products.map((product) => ({ __typename: 'Product', id: product.id })),
      ...products.map((product) => ({ __typename: 'ProductVariant', sku: product.variants[0]!.sku })),
      { __typename: 'Product', id: 'unknown' },
    ];

    // when the gateway resolves them in one _entities request
    const result = await catalog.query<{ _entities: Entity[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Product { id name price { amount currencyCode } category { id } }
        ... on ProductVariant { sku price { amount } product { id } } } }`,
      { r: representations },
      identities.service('gateway'),
    );

    // then every reference resolves, in order, from one read of the change log and no product read
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities;
    expect(entities).toHaveLength(61);
    expect(entities[0]).toMatchObject({ id: products[0]!.id, name: products[0]!.name, price: { currencyCode: 'EUR' } });
    expect(entities[30]).toMatchObject({ sku: products[0]!.variants[0]!.sku, product: { id: products[0]!.id } });
    expect(entities[60]).toBeNull();
    const reads = catalog.roundTrips.snapshot();
    expect(reads['changeLog.read']).toBe(1);
    expect(Object.keys(reads).filter((operation) => operation.startsWith('products.'))).toEqual([]);
  });

  it('when categories are referenced, then they resolve with their breadcrumb without extra reads', async () => {
    // given references to a leaf category and an unknown one
    const representations = [
      { __typename: 'Category', id: 'footwear.shoes.casual-shoes' },
      { __typename: 'Category', id: 'nowhere' },
    ];

    // when they are resolved
    const result = await catalog.query<{ _entities: Entity[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Category { name path { name } } } }`,
      { r: representations },
      identities.service('gateway'),
    );

    // then the leaf comes with its path, the unknown one is null
    expect(result.data!._entities).toEqual([
      { name: 'Casual Shoes', path: [{ name: 'Footwear' }, { name: 'Shoes' }, { name: 'Casual Shoes' }] },
      null,
    ]);
    expect(catalog.roundTrips.of('changeLog.read')).toBe(1);
    expect(catalog.roundTrips.of('categories.findAll')).toBe(0);
  });

  it('when products are asked by ids, then they come in the order asked with null for unknown ids', async () => {
    // given two known ids around an unknown one
    // when productsByIds is asked
    const result = await catalog.query<{ productsByIds: Entity[] }>(
      '{ productsByIds(ids: ["tee-2", "nope", "shoe-1"]) { id slug } }',
    );

    // then the order is kept
    expect(result.data!.productsByIds).toEqual([{ id: 'tee-2', slug: 'tee-2' }, null, { id: 'shoe-1', slug: 'shoe-1' }]);
  });

  it('when variants are asked by SKU, then each comes with its exact price and product, unknown SKUs as null', async () => {
    // given SKUs of two products and an unknown SKU
    // when variantsBySkus is asked (as orders does)
    const result = await catalog.query<{ variantsBySkus: Entity[] }>(
      `{ variantsBySkus(skus: ["SHOE-2-42", "NOPE", "WATCH-1"]) {
          sku title options { name value } price { amount currencyCode } compareAtPrice { amount } product { id name } } }`,
      {},
      identities.service('orders'),
    );

    // then the answers keep the order and carry exact decimal prices
    expect(result.data!.variantsBySkus).toEqual([
      {
        sku: 'SHOE-2-42', title: '42', options: [{ name: 'Size', value: '42' }], price: { amount: '89.00', currencyCode: 'EUR' },
        compareAtPrice: { amount: '119.00' }, product: { id: 'shoe-2', name: 'Kestrel Leather Loafers' },
      },
      null,
      { sku: 'WATCH-1', title: 'Default', options: [], price: { amount: '249.00', currencyCode: 'EUR' }, compareAtPrice: null, product: { id: 'watch-1', name: 'Orion Field Watch' } },
    ]);
  });

  it('when a product is asked by slug or by id, then both give the whole product', async () => {
    // given a product with a slug
    // when it is asked both ways
    const query = `query($id: ID, $slug: String) { product(id: $id, slug: $slug) {
      id slug brand description images { url alt } attributes { name value } category { slug } variants { sku } createdAt } }`;
    const bySlug = await catalog.query<{ product: Entity }>(query, { slug: 'shoe-1' });
    const byId = await catalog.query<{ product: Entity }>(query, { id: 'shoe-1' });

    // then both answers are the same product
    expect(bySlug.data!.product).toEqual(byId.data!.product);
    expect(byId.data!.product).toMatchObject({
      id: 'shoe-1',
      brand: 'Kestrel',
      attributes: [{ name: 'Colour', value: 'Navy' }, { name: 'Upper Material', value: 'Canvas' }],
      category: { slug: 'casual-shoes' },
      variants: [{ sku: 'SHOE-1-41' }, { sku: 'SHOE-1-42' }, { sku: 'SHOE-1-43' }],
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('when productsByIds gets more than 100 ids, then it is refused with BAD_USER_INPUT', async () => {
    // given 101 ids
    const ids = Array.from({ length: 101 }, (_, i) => `p${i}`);

    // when they are asked
    const result = await catalog.query('query($ids: [ID!]!) { productsByIds(ids: $ids) { id } }', { ids });

    // then the request is refused with a code and no stack trace
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at \//);
  });

  it('when a request carries no signed identity, then it gets 401 and no data', async () => {
    // given no identity header
    // when the schema is asked
    const result = await callGraphQL(catalog.url, '{ _service { sdl } }', {}, { identity: null });

    // then it is refused
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
  });

  it('when the identity is signed with another secret, then it gets 401', async () => {
    // given an admin identity signed with a forged secret
    // when it asks for a product
    const result = await callGraphQL(catalog.url, '{ product(id: "shoe-1") { id } }', {}, {
      identity: identities.admin(),
      secret: `${TEST_IDENTITY_SECRET}-forged`,
    });

    // then it is refused
    expect(result.status).toBe(401);
  });
});
