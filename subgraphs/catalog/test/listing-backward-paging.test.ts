import { identities } from '@shop/platform/testing';
import { generateCatalog } from '../src/seed/generate-catalog';
import type { SeedProduct } from '../src/seed/seed-product';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { allPages, idsOf, listing, LISTING_QUERY, type Listing, type ListingArgs } from './support/listing';

const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) { userErrors { code } } }`;
const bag = (id: string, price: string) => ({
  id, name: `Backward Bag ${id}`, brand: 'Backpagers', description: 'A bag for paging backward.', category: 'jeans', currencyCode: 'EUR',
  variants: [{ sku: `${id}-1`.toUpperCase(), price }],
});

/** Every product of a listing read backward: the last page first, then `before` its start, until no page precedes. */
async function allPagesBackward(catalog: CatalogTestServer, args: ListingArgs, pageSize: number): Promise<Listing[]> {
  const pages: Listing[] = [];
  let before: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: Listing = await listing(catalog, { ...args, last: pageSize, before });
    pages.unshift(page);
    if (!page.pageInfo.hasPreviousPage) return pages;
    before = page.pageInfo.startCursor;
  }
  throw new Error('backward listing did not end');
}

describe('product listing pages backward (last, before)', () => {
  let catalog: CatalogTestServer;
  let products: SeedProduct[];

  beforeAll(async () => {
    products = [...FIXTURE_PRODUCTS, ...generateCatalog({ size: 40, seed: 5 })];
    catalog = await startCatalogServer('catalog_backward', products);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it.each([
    ['NEWEST', {}],
    ['PRICE_ASC', {}],
    ['NAME_DESC', {}],
    ['PRICE_DESC', { category: 'apparel' }],
    ['RELEVANCE', { query: 'cotton' }],
  ])('when paging backward sorted %s from the end, then the pages are the forward listing, end to end', async (sort, filter) => {
    // given the listing read forward, 5 at a time
    const forward = (await allPages(catalog, { sort, filter }, 5)).flat();

    // when it is read backward, 5 at a time, from the last page to the first
    const backward = await allPagesBackward(catalog, { sort, filter }, 5);

    // then the same products come in the same order, and only the last page says nothing follows
    expect(forward.length).toBeGreaterThan(5);
    expect(backward.flatMap(idsOf)).toEqual(forward);
    expect(backward.map((page) => page.pageInfo.hasNextPage)).toEqual(backward.map((_, i) => i < backward.length - 1));
    expect(backward.map((page) => page.pageInfo.hasPreviousPage)).toEqual(backward.map((_, i) => i > 0));
    expect(backward.slice(1).every((page) => page.edges.length === 5)).toBe(true);
  });

  it('when both cursors are given, then the page is the window strictly between them', async () => {
    // given the ten cheapest products and the cursors of the 2nd and the 9th
    const ten = await listing(catalog, { sort: 'PRICE_ASC', first: 10 });

    // when asking for the first 3 and the last 3 between them
    const window = { sort: 'PRICE_ASC', after: ten.edges[1]!.cursor, before: ten.edges[8]!.cursor };
    const head = await listing(catalog, { ...window, first: 3 });
    const tail = await listing(catalog, { ...window, last: 3 });
    const whole = await listing(catalog, { ...window, first: 100 });

    // then each end of the window is taken, and both neighbours outside it are reported
    expect(idsOf(head)).toEqual(idsOf(ten).slice(2, 5));
    expect(idsOf(tail)).toEqual(idsOf(ten).slice(5, 8));
    expect(idsOf(whole)).toEqual(idsOf(ten).slice(2, 8));
    expect(whole.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('when nothing lies before the cursor, then the backward page is empty and only a next page is reported', async () => {
    // given the cursor of the very first product
    const first = await listing(catalog, { sort: 'NAME_ASC', first: 1 });

    // when asking for the products before it
    const page = await listing(catalog, { sort: 'NAME_ASC', last: 5, before: first.edges[0]!.cursor });

    // then there are none, none precede, and the first product follows
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null });
  });

  it('when the only product before a cursor is deleted, then the next page says no page precedes it', async () => {
    // given three bags of one brand and the first page of one bag
    for (const [id, price] of [['bag-a', '10.00'], ['bag-b', '20.00'], ['bag-c', '30.00']] as const) {
      const saved = await catalog.query<{ upsertProduct: { userErrors: unknown[] } }>(UPSERT, { input: bag(id, price) }, identities.admin());
      expect(saved.data!.upsertProduct.userErrors).toEqual([]);
    }
    const filter = { brands: ['Backpagers'] };
    const first = await listing(catalog, { filter, sort: 'PRICE_ASC', first: 1 });

    // when that bag is deleted and the next page is read
    await catalog.query('mutation { deleteProduct(id: "bag-a") { deletedProductId } }', {}, identities.admin());
    const second = await listing(catalog, { filter, sort: 'PRICE_ASC', first: 1, after: first.pageInfo.endCursor });

    // then the page continues after the cursor but nothing precedes it any more
    expect(idsOf(first)).toEqual(['bag-a']);
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(idsOf(second)).toEqual(['bag-b']);
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('when first and last come together, last is out of range, or before is from another sort, then each is refused with a code', async () => {
    // given a cursor of the NEWEST order
    const newest = await listing(catalog, { sort: 'NEWEST', first: 1 });
    const ask = (variables: Record<string, unknown>) => catalog.query(LISTING_QUERY, variables);

    // when asking with both sizes, a size over 100 or below 0, and that cursor in another sort
    const both = await ask({ first: 2, last: 2 });
    const tooMany = await ask({ last: 101 });
    const negative = await ask({ last: -1 });
    const foreign = await ask({ sort: 'PRICE_ASC', last: 2, before: newest.pageInfo.endCursor });

    // then each gets its code and no listing
    expect([both, tooMany, negative].map(codeOf)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(codeOf(foreign)).toBe('INVALID_CURSOR');
    expect([both, tooMany, negative, foreign].every((result) => result.data === null || result.data === undefined)).toBe(true);
  });
});
