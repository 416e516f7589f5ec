import { callGraphQL, identities } from '@shop/platform/testing';
import { generateCatalog } from '../src/seed/generate-catalog';
import type { SeedProduct } from '../src/seed/seed-product';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { allPages, idsOf, listing } from './support/listing';

const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) { product { id } userErrors { code message } } }`;
const DELETE = `mutation($id: ID!) { deleteProduct(id: $id) { deletedProductId userErrors { code } } }`;

const tee = (id: string, price: string) => ({
  id,
  name: `Pagination Tee ${id}`,
  brand: 'Testbrand',
  description: 'Inserted while a shopper pages through the catalog.',
  category: 'tshirts',
  currencyCode: 'EUR',
  variants: [{ sku: `${id}-M`.toUpperCase(), price, options: [{ name: 'Size', value: 'M' }] }],
});

const byId = (a: SeedProduct, b: SeedProduct) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const priceOf = (product: SeedProduct) => Math.min(...product.variants.map((variant) => variant.priceMinor));
const nameKey = (product: SeedProduct) => product.name.toLowerCase();

const EXPECTED_ORDER: Record<string, (a: SeedProduct, b: SeedProduct) => number> = {
  NEWEST: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(a, b),
  PRICE_ASC: (a, b) => priceOf(a) - priceOf(b) || byId(a, b),
  PRICE_DESC: (a, b) => priceOf(b) - priceOf(a) || byId(a, b),
  NAME_ASC: (a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : byId(a, b)),
  NAME_DESC: (a, b) => (nameKey(a) > nameKey(b) ? -1 : nameKey(a) < nameKey(b) ? 1 : byId(a, b)),
};

describe('product listing sorts and keyset pagination', () => {
  let catalog: CatalogTestServer;
  let products: SeedProduct[];
  const admin = identities.admin();

  beforeAll(async () => {
    products = [...FIXTURE_PRODUCTS, ...generateCatalog({ size: 60, seed: 11 })];
    catalog = await startCatalogServer('catalog_paging', products);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it.each(Object.keys(EXPECTED_ORDER))('when paging through everything sorted %s, then pages follow the order with ties broken by id', async (sort) => {
    // given 72 products, some at the same price or on the same day
    const expected = [...products].sort(EXPECTED_ORDER[sort]).map((product) => product.id);

    // when reading pages of 7
    const pages = await allPages(catalog, { sort }, 7);

    // then the pages, end to end, are the whole catalog in order, each product once
    expect(pages.flat()).toEqual(expected);
    expect(pages).toHaveLength(Math.ceil(expected.length / 7));
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
  });

  it('when paging by relevance, then the pages match one big page of the same query', async () => {
    // given a query matching many products
    const filter = { query: 'cotton' };
    const whole = idsOf(await listing(catalog, { filter, first: 100 }));

    // when paging 3 at a time
    const pages = await allPages(catalog, { filter }, 3);

    // then the order is the same, without gaps or repeats
    expect(whole.length).toBeGreaterThan(3);
    expect(pages.flat()).toEqual(whole);
  });

  it('when the first page is read, then it has no previous page; a later page has one', async () => {
    // given a catalog of several pages
    // when reading the first two pages
    const first = await listing(catalog, { sort: 'NAME_ASC', first: 5 });
    const second = await listing(catalog, { sort: 'NAME_ASC', first: 5, after: first.pageInfo.endCursor });

    // then page info tells where they are
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(idsOf(second)).not.toContain(idsOf(first)[4]);
  });

  it('when products are inserted, changed and deleted between pages, then later pages neither repeat nor skip products', async () => {
    // given the cheapest page of footwear and apparel
    const filter = { category: 'apparel' };
    const expectedBefore = (await allPages(catalog, { filter, sort: 'PRICE_ASC' }, 100)).flat();
    const first = await listing(catalog, { filter, sort: 'PRICE_ASC', first: 4 });
    const seen = idsOf(first);
    const lastPrice = first.edges[3]!.node.price.amount;
    const laterId = expectedBefore[10]!;

    // when a cheaper tee, a tee at the cursor's price and a dearer tee are added, the tee at the
    // cursor's price is made dearer, and a later product is deleted
    for (const input of [tee('aaa-cheap', '0.50'), tee('zzz-same', lastPrice), tee('mid-dear', '999.00'), tee('zzz-same', '997.00')]) {
      const saved = await catalog.query<{ upsertProduct: { userErrors: unknown[] } }>(UPSERT, { input }, admin);
      expect(saved.data!.upsertProduct.userErrors).toEqual([]);
    }
    await catalog.query(DELETE, { id: laterId }, admin);
    const rest = (await allPages(catalog, { filter, sort: 'PRICE_ASC', after: first.pageInfo.endCursor }, 5)).flat();

    // then every product is seen once: the cheap one is behind the cursor, the others ahead of it
    const all = [...seen, ...rest];
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('aaa-cheap');
    expect(rest).toEqual(expect.arrayContaining(['zzz-same', 'mid-dear']));
    expect(rest).not.toContain(laterId);
    expect(sortedWithout(all, ['zzz-same', 'mid-dear'])).toEqual(sortedWithout(expectedBefore, [laterId]));
  });

  it('when another catalog process saves a product, then this process lists it on the next request', async () => {
    // given a second catalog process over the same database
    const twin = await catalog.startTwin();

    // when a product is saved through the twin
    const saved = await callGraphQL<{ upsertProduct: { userErrors: unknown[] } }>(twin.url, UPSERT, { input: tee('twin-tee', '12.34') }, { identity: admin });
    expect(saved.data!.upsertProduct.userErrors).toEqual([]);

    // then the first process lists it and resolves its SKU
    const page = await listing(catalog, { filter: { ids: ['twin-tee'] } });
    const variants = await catalog.query<{ variantsBySkus: Array<{ product: { id: string } } | null> }>(
      '{ variantsBySkus(skus: ["TWIN-TEE-M"]) { product { id } } }',
    );
    expect(idsOf(page)).toEqual(['twin-tee']);
    expect(variants.data!.variantsBySkus).toEqual([{ product: { id: 'twin-tee' } }]);
  });
});

function sortedWithout(ids: string[], excluded: string[]): string[] {
  return ids.filter((id) => !excluded.includes(id)).sort();
}
