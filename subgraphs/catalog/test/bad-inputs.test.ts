import { encodeCursor } from '@shop/platform';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { LISTING_QUERY, listing, type Listing } from './support/listing';

const INJECTION = '{"$gt": ""}';

describe('listing and lookups under bad input', () => {
  let catalog: CatalogTestServer;
  const products = (variables: Record<string, unknown>) => catalog.query<{ products: Listing }>(LISTING_QUERY, variables);

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_bad_input', FIXTURE_PRODUCTS);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  const expectCleanError = (result: Awaited<ReturnType<typeof products>>, code: string) => {
    expect(codeOf(result)).toBe(code);
    expect(result.data).toBeNull();
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|\.ts:\d+|node_modules/);
  };

  it('when first is over the limit or negative, then it is refused with BAD_USER_INPUT', async () => {
    // given page sizes outside 0..100
    // when listing with them
    const tooMany = await products({ first: 101 });
    const negative = await products({ first: -1 });

    // then both get a clear error
    expectCleanError(tooMany, 'BAD_USER_INPUT');
    expectCleanError(negative, 'BAD_USER_INPUT');
  });

  it('when first is 0, then no product is listed but the total is given', async () => {
    // given a page size of zero
    // when listing
    const page = await listing(catalog, { first: 0 });

    // then the page is empty and the total counts everything
    expect(page.edges).toEqual([]);
    expect(page.totalCount).toBe(12);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ['not base64 at all', '%%%not-a-cursor%%%'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a cursor of the change feed', encodeCursor('productChanges', { t: 0, id: '' })],
    ['a cursor of another sort order', encodeCursor('products:NEWEST', { k: 1, id: 'shoe-1' })],
    ['a cursor with a key of the wrong type', encodeCursor('products:PRICE_ASC', { k: 'cheap', id: 'shoe-1' })],
    ['a cursor carrying an operator', encodeCursor('products:PRICE_ASC', { k: { $gt: 0 }, id: 'shoe-1' })],
  ])('when the cursor is %s, then it is refused with INVALID_CURSOR', async (_case, after) => {
    // given a cursor that is not one this listing handed out
    // when listing after it (sorted by price)
    const result = await products({ sort: 'PRICE_ASC', after });

    // then the cursor is refused
    expectCleanError(result, 'INVALID_CURSOR');
  });

  it('when the text query is empty or only spaces, then it is refused with BAD_USER_INPUT', async () => {
    // given empty queries
    // when searching
    const empty = await products({ filter: { query: '' } });
    const spaces = await products({ filter: { query: '   ' } });

    // then they are refused
    expectCleanError(empty, 'BAD_USER_INPUT');
    expectCleanError(spaces, 'BAD_USER_INPUT');
  });

  it('when the text query is 10 KB long, then it is refused with BAD_USER_INPUT', async () => {
    // given a 10 KB query
    const query = 'shoe '.repeat(2048);

    // when searching
    const result = await products({ filter: { query } });

    // then it is refused without being searched
    expectCleanError(result, 'BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/200 characters/);
  });

  it.each([
    ['.*', 0],
    ['(a+)+$', 0],
    ['[', 0],
    ['\\', 0],
    ['shoe|watch', 0],
    ['^Kestrel', 2],
    [INJECTION, 0],
  ])('when the text query is %j, then it is searched as plain words (%i found), never as a pattern', async (query, found) => {
    // given a query full of regular-expression (or operator) characters
    // when searching
    const page = await listing(catalog, { filter: { query } });

    // then only its words count: "shoe|watch" needs both words, "^Kestrel" is the word kestrel
    expect(page.totalCount).toBe(found);
  });

  it('when a filter value looks like an operator, then it is compared as plain text and matches nothing', async () => {
    // given operator-looking strings in every string filter
    // when listing with them
    const page = await listing(catalog, {
      filter: { category: INJECTION, brands: [INJECTION], ids: [INJECTION], attributes: [{ name: INJECTION, values: [INJECTION] }] },
    });
    const lookups = await catalog.query<Record<string, unknown>>(
      'query($v: String!, $id: ID!) { p: product(slug: $v) { id } q: product(id: $id) { id } c: category(slug: $v) { id } s: variantsBySkus(skus: [$id]) { sku } }',
      { v: INJECTION, id: INJECTION },
    );

    // then nothing matches and nothing fails
    expect(page.totalCount).toBe(0);
    expect(lookups.errors).toBeUndefined();
    expect(lookups.data).toEqual({ p: null, q: null, c: null, s: [null] });
  });

  it.each([
    ['a price that is not a number', { minPrice: 'cheap' }, 'filter.minPrice'],
    ['a negative price', { maxPrice: '-5' }, 'filter.maxPrice'],
    ['a minimum above the maximum', { minPrice: '50', maxPrice: '10' }, 'filter.minPrice'],
    ['more than 100 ids', { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }, 'filter.ids'],
    ['an attribute without values', { attributes: [{ name: 'Colour', values: [] }] }, 'filter.attributes.0.values'],
  ])('when the filter has %s, then it is refused naming the field', async (_case, filter, field) => {
    // given a malformed filter
    // when listing with it
    const result = await products({ filter });

    // then the error names the field
    expectCleanError(result, 'BAD_USER_INPUT');
    expect(result.errors![0]!.extensions).toMatchObject({ field });
  });

  it('when relevance is asked without a query, then it is refused', async () => {
    // given no text query
    // when sorting by relevance
    const result = await products({ sort: 'RELEVANCE' });

    // then the sort is refused
    expectCleanError(result, 'BAD_USER_INPUT');
  });

  it('when a product is asked without id or slug, then it is refused; unknown ids give null', async () => {
    // given no key, an unknown id, and a 10 KB id
    // when asking for products
    const missing = await catalog.query('{ product { id } }');
    const unknown = await catalog.query<{ a: unknown; b: unknown }>('query($big: ID!) { a: product(id: "nope") { id } b: product(id: $big) { id } }', {
      big: 'x'.repeat(10_240),
    });

    // then the first is an error, the others are simply not found
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(unknown.data).toEqual({ a: null, b: null });
  });
});
