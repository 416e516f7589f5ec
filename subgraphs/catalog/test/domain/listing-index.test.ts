import { CategoryPlanner } from '../../src/domain/category-plan';
import { compileFilter, parseListingFilter } from '../../src/domain/listing/listing-filter';
import { ListingIndex } from '../../src/domain/listing/listing-index';
import { listingPage } from '../../src/domain/listing/listing-page';
import { runPass } from '../../src/domain/listing/listing-pass';
import type { ListingSort } from '../../src/domain/listing/sorts';
import type { ProductRecord } from '../../src/domain/product';
import { serializeState } from '../../src/domain/product-json';

const planner = new CategoryPlanner([]);
const path = planner.place(['Apparel', 'Topwear', 'Tshirts']);

const record = (id: string, priceMinor: number, name = `Tee ${id}`, day = 1): ProductRecord => ({
  id, slug: `slug-${id}`, name, brand: 'Juniper', description: 'A cotton tee.', currencyCode: 'EUR', priceMinor,
  compareAtPriceMinor: null, images: [], attributes: [{ name: 'Fabric', value: 'Cotton' }], categoryId: path[2]!, categoryIds: path,
  variants: [{ sku: `SKU-${id}`, options: [], priceMinor, compareAtPriceMinor: null }],
  createdAt: new Date(Date.UTC(2024, 0, day)), updatedAt: new Date(Date.UTC(2024, 5, day)),
});

const page = (index: ListingIndex, sort: ListingSort, first: number, after: { k: number | string; id: string } | null = null, filter = {}) => {
  const compiled = compileFilter(index, parseListingFilter(filter));
  const result = listingPage(index, runPass(index, compiled), { filter: compiled, sort, size: first, backward: false, after, before: null });
  return { ids: result.items.map((item) => index.idAt(item.slot)), last: result.items[result.items.length - 1]?.position ?? null, more: result.hasNextPage };
};

describe('listing index', () => {
  it('when a product is replaced, then it moves to its new place in every order and its old SKU is released', () => {
    // given three tees at 10, 20 and 30
    const index = ListingIndex.build(planner.all(), [record('a', 1000), record('b', 2000), record('c', 3000)]);

    // when b is repriced to 35 with another SKU
    index.apply({ ...record('b', 3500), variants: [{ sku: 'SKU-B2', options: [], priceMinor: 3500, compareAtPriceMinor: null }] });

    // then the price order and the SKU lookups follow
    expect(page(index, 'PRICE_ASC', 10).ids).toEqual(['a', 'c', 'b']);
    expect(index.idBySku('SKU-b')).toBeNull();
    expect(index.idBySku('SKU-B2')).toBe('b');
    expect(index.liveCount).toBe(3);
  });

  it('when a product is deleted, then it leaves the listings but stays in the change order as a tombstone', () => {
    // given two tees
    const index = ListingIndex.build(planner.all(), [record('a', 1000, 'A', 1), record('b', 2000, 'B', 2)]);

    // when a is deleted later than b changed
    index.apply({ id: 'a', deleted: true, updatedAt: new Date(Date.UTC(2024, 6, 1)) });

    // then listings only hold b, and the change order ends with a's tombstone
    expect(page(index, 'NEWEST', 10).ids).toEqual(['b']);
    expect(index.changes.items.map((slot) => [index.idAt(slot), index.recordAt(slot) === null])).toEqual([['b', false], ['a', true]]);
    expect(index.record('a')).toBeNull();
    expect(index.idBySlug('slug-a')).toBeNull();
  });

  it('when pages are read after a cursor, then an insert before the cursor does not shift the next page', () => {
    // given five tees by price and a first page of two
    const index = ListingIndex.build(planner.all(), ['a', 'b', 'c', 'd', 'e'].map((id, i) => record(id, 1000 + i * 100)));
    const first = page(index, 'PRICE_ASC', 2);

    // when a cheaper tee arrives before the second page is read
    index.apply(record('0', 500));
    const second = page(index, 'PRICE_ASC', 2, first.last);

    // then the second page continues right after the cursor
    expect(first.ids).toEqual(['a', 'b']);
    expect(second.ids).toEqual(['c', 'd']);
    expect(second.more).toBe(true);
  });

  it('when states come as JSON, in this version\'s key order or an older one, then every field of a record reads back the same', () => {
    // given a tee as this version writes it, one as an older version wrote it (id last, dates as numbers),
    // and one in the order of the record (the description before the price)
    const tee = { ...record('a', 1000), attributes: [{ name: 'Fabric', value: 'Cotton' }], images: [{ url: '/a.jpg', alt: 'A' }] };
    const { id, ...older } = record('b', 2000);
    const olderJson = JSON.stringify({ ...older, createdAt: older.createdAt.getTime(), updatedAt: older.updatedAt.getTime(), id });
    const { id: third, slug, name, brand, description, ...rest } = record('c', 3000);
    const recordOrderJson = JSON.stringify({ id: third, slug, name, brand, description, ...rest });

    // when an index is built from their JSON
    const index = ListingIndex.build(planner.all(), [serializeState(tee), olderJson, recordOrderJson]);

    // then every record reads back whole, field by field, the older two written again in today's order
    const plain = (product: ProductRecord | null) => product && Object.fromEntries(Object.keys(tee).map((key) => [key, product[key as keyof ProductRecord]]));
    expect(plain(index.record('a'))).toEqual(tee);
    expect(plain(index.record('b'))).toEqual({ ...older, id });
    expect(plain(index.record('c'))).toEqual(record('c', 3000));
    expect(index.rewritten).toBe(2);
    expect(page(index, 'PRICE_ASC', 10).ids).toEqual(['a', 'b', 'c']);
  });

  it('when most slots have been replaced, then a compacted index answers the same with fewer slots', () => {
    // given a tee changed many times
    const index = ListingIndex.build(planner.all(), [record('a', 1000), record('b', 2000)]);
    for (let i = 0; i < 50; i++) index.apply(record('a', 1000 + i));

    // when the index is compacted
    const compacted = index.compacted();

    // then only the current slots remain and the answers are the same
    expect(index.slotCount).toBe(52);
    expect(compacted.slotCount).toBe(2);
    expect(page(compacted, 'PRICE_DESC', 10).ids).toEqual(page(index, 'PRICE_DESC', 10).ids);
    expect(compacted.record('a')!.priceMinor).toBe(1049);
  });
});
