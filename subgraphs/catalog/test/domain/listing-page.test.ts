import { CategoryPlanner } from '../../src/domain/category-plan';
import { compileFilter, parseListingFilter } from '../../src/domain/listing/listing-filter';
import { ListingIndex } from '../../src/domain/listing/listing-index';
import { listingPage } from '../../src/domain/listing/listing-page';
import { runPass } from '../../src/domain/listing/listing-pass';
import type { ProductRecord } from '../../src/domain/product';

const planner = new CategoryPlanner([]);
const path = planner.place(['Home', 'Decor', 'Cushions']);

const record = (id: string, text: { name: string; brand?: string; description?: string }): ProductRecord => ({
  id, slug: `slug-${id}`, name: text.name, brand: text.brand ?? 'Plain', description: text.description ?? '', currencyCode: 'EUR', priceMinor: 1000,
  compareAtPriceMinor: null, images: [], attributes: [], categoryId: path[2]!, categoryIds: path,
  variants: [{ sku: `SKU-${id}`, options: [], priceMinor: 1000, compareAtPriceMinor: null }],
  createdAt: new Date(Date.UTC(2024, 0, 1)), updatedAt: new Date(Date.UTC(2024, 0, 1)),
});

/** 64 cushions: "wool" in the name of c-50, the brand of c-33, the description of c-12; every fourth a pillow "soft as a cushion". */
const products = Array.from({ length: 64 }, (_, i) => {
  const id = `c-${String(i).padStart(2, '0')}`;
  if (id === 'c-50') return record(id, { name: 'Wool Cushion' });
  if (id === 'c-33') return record(id, { name: 'Soft Cushion', brand: 'Wool House' });
  if (id === 'c-12') return record(id, { name: 'Cushion', description: 'Filled with wool.' });
  return i % 4 === 0 ? record(id, { name: 'Pillow', description: 'Soft as a cushion.' }) : record(id, { name: 'Cushion Round' });
});

function relevance(index: ListingIndex, query: string, size: number, backward = false) {
  const compiled = compileFilter(index, parseListingFilter({ query }));
  const page = listingPage(index, runPass(index, compiled), { filter: compiled, sort: 'RELEVANCE', size, backward, after: null, before: null });
  return page.items.map((item) => `${index.idAt(item.slot)}:${item.position.k}`);
}

describe('relevance order', () => {
  const index = ListingIndex.build(planner.all(), products);

  it('when few products match, then they come by score (name 3, brand 2, description 1)', () => {
    // given three of 64 products mentioning wool, fewer than a sixteenth of the catalog (sorted, not bucketed)
    // when listing "wool" and "wool cushion" by relevance
    // then the name beats the brand, which beats the description, and each word adds its weight
    expect(relevance(index, 'wool', 10)).toEqual(['c-50:3', 'c-33:2', 'c-12:1']);
    expect(relevance(index, 'wool cushion', 10)).toEqual(['c-50:6', 'c-33:5', 'c-12:4']);
  });

  it('when most products match, then they are ranked by the same rule, ties by id, from either end', () => {
    // given every product matching "cushion": in the name of most, in the description of the pillows
    // when listing it by relevance, from the start and from the end
    const ranked = relevance(index, 'cushion', 64);
    const last = relevance(index, 'cushion', 3, true);

    // then the names come first, each group by id, every product once
    const scoreOf = (product: ProductRecord) => (product.name.includes('Cushion') ? 3 : 1);
    const expected = [...products]
      .sort((a, b) => scoreOf(b) - scoreOf(a) || (a.id < b.id ? -1 : 1))
      .map((product) => `${product.id}:${scoreOf(product)}`);
    expect(ranked).toEqual(expected);
    expect(last).toEqual(expected.slice(-3));
    expect(expected.slice(-1)).toEqual(['c-60:1']);
  });
});
