import { identities } from '@shop/platform/testing';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { listing } from './support/listing';

const CHANGES = `query($after: String, $first: Int) { productChanges(after: $after, first: $first) {
  items { id deleted updatedAt product { id name price { amount } } } cursor hasMore } }`;
const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) { userErrors { code } } }`;

interface Change {
  id: string;
  deleted: boolean;
  updatedAt: string;
  product: { id: string; name: string; price: { amount: string } } | null;
}
interface ChangePage {
  items: Change[];
  cursor: string;
  hasMore: boolean;
}

const cap = (id: string, price: string) => ({
  id, name: `Feed Cap ${id}`, brand: 'Bramble', description: 'A cap for the change feed.', category: 'jeans', currencyCode: 'EUR',
  variants: [{ sku: `${id}-ONE`.toUpperCase(), price }],
});

describe('product change feed', () => {
  let catalog: CatalogTestServer;
  const recommendations = identities.service('recommendations');
  const changes = async (after: string | null, first?: number) => {
    const result = await catalog.query<{ productChanges: ChangePage }>(CHANGES, { after, first }, recommendations);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.productChanges;
  };

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_feed', FIXTURE_PRODUCTS);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('when a service reads the feed from the start in pages, then every product comes once, by update time then id', async () => {
    // given 12 products seeded at the same moment
    // when the feed is read 5 at a time until it says there is no more
    const seen: Change[] = [];
    let cursor: string | null = null;
    let page: ChangePage;
    do {
      page = await changes(cursor, 5);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (page.hasMore);

    // then all products came once, tied times ordered by id, each with its current state
    expect(seen.map((change) => change.id)).toEqual(FIXTURE_PRODUCTS.map((product) => product.id).sort());
    expect(seen.every((change) => !change.deleted && change.product?.id === change.id)).toBe(true);
    // and reading on from the last cursor gives nothing new, with a cursor to keep
    const after = await changes(cursor);
    expect(after).toEqual({ items: [], cursor, hasMore: false });
  });

  it('when products change and one is deleted, then the feed from the last cursor reports them, the deletion as a tombstone', async () => {
    // given a reader that has caught up
    let cursor: string | null = null;
    for (let page = await changes(null, 500); ; page = await changes(cursor, 500)) {
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const admin = identities.admin();

    // when a product is created, another repriced, and a third deleted
    await catalog.query(UPSERT, { input: cap('feed-cap', '15.00') }, admin);
    await catalog.query(UPSERT, { input: cap('feed-cap', '12.00') }, admin);
    await catalog.query('mutation { deleteProduct(id: "tee-3") { deletedProductId } }', {}, admin);
    const page = await changes(cursor);

    // then the feed lists each changed product once, in its latest state, in the order of the changes
    expect(page.items.map(({ id, deleted, product }) => ({ id, deleted, price: product?.price.amount ?? null }))).toEqual([
      { id: 'feed-cap', deleted: false, price: '12.00' },
      { id: 'tee-3', deleted: true, price: null },
    ]);
    expect(page.items[0]!.updatedAt < page.items[1]!.updatedAt).toBe(true);
  });

  it.each([
    ['an admin', identities.admin()],
    ['a guest', identities.guest()],
  ])('when %s asks for the change feed, then it is forbidden', async (_who, identity) => {
    // given a caller that is not a service
    // when it reads the internal feed
    const result = await catalog.query(CHANGES, {}, identity);

    // then it is refused
    expect(codeOf(result)).toBe('FORBIDDEN');
  });

  it('when the feed gets a listing cursor, a made-up cursor or too large a page, then each is refused with a code', async () => {
    // given a cursor of the product listing
    const listingCursor = (await listing(catalog, { first: 1 })).pageInfo.endCursor;

    // when those are passed to the feed
    const foreign = await catalog.query(CHANGES, { after: listingCursor }, recommendations);
    const madeUp = await catalog.query(CHANGES, { after: 'eyJsIjoicHJvZHVjdENoYW5nZXMiLCJwIjp7InQiOiJ4In19' }, recommendations);
    const tooMany = await catalog.query(CHANGES, { first: 501 }, recommendations);

    // then each gets a clear code
    expect(codeOf(foreign)).toBe('INVALID_CURSOR');
    expect(codeOf(madeUp)).toBe('INVALID_CURSOR');
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('when a change is younger than the settle time, then the feed holds it back', async () => {
    // given a catalog whose feed waits a minute for changes to settle
    const settled = await startCatalogServer('catalog_feed_settle', FIXTURE_PRODUCTS.slice(0, 2), { changeFeedSettleMs: 60_000 });
    try {
      // when the feed is read right after the seed
      const result = await settled.query<{ productChanges: ChangePage }>(CHANGES, {}, recommendations);

      // then nothing is handed out yet, and the reader is told there is nothing more for now
      expect(result.data!.productChanges.items).toEqual([]);
      expect(result.data!.productChanges.hasMore).toBe(false);
    } finally {
      await settled.close();
    }
  });
});
