import { CategoryPlanner } from '../../src/domain/category-plan';
import { compileFilter, parseListingFilter, type ListingFilter } from '../../src/domain/listing/listing-filter';
import { ListingIndex } from '../../src/domain/listing/listing-index';
import { runPass, type ListingPass } from '../../src/domain/listing/listing-pass';
import { planScan } from '../../src/domain/listing/scan-plan';
import { cheapestVariant, type ProductRecord } from '../../src/domain/product';
import { generateCatalog } from '../../src/seed/generate-catalog';

const planner = new CategoryPlanner([]);
const records: ProductRecord[] = [...generateCatalog({ size: 1500, seed: 21 })].map((product) => {
  const categoryIds = planner.place(product.categoryPath);
  const cheapest = cheapestVariant(product.variants);
  return {
    ...product, priceMinor: cheapest.priceMinor, compareAtPriceMinor: cheapest.compareAtPriceMinor,
    categoryId: categoryIds[categoryIds.length - 1]!, categoryIds, updatedAt: product.createdAt,
  };
});

const sameCounts = (pass: ListingPass) => ({
  totalCount: pass.totalCount,
  matches: [...pass.isMatch.keys()].filter((slot) => pass.isMatch[slot] !== 0),
  brand: [...pass.counts.brand],
  pair: [...pass.counts.pair],
  priceStep: [...pass.counts.priceStep],
  currency: [...pass.counts.currency],
  child: [...pass.counts.child],
});

describe('a pass starting from its category pass', () => {
  const index = ListingIndex.build(planner.all(), records);
  // Retired slots must be skipped too: replace a few products, delete one.
  for (const record of records.slice(0, 20)) index.apply({ ...record, priceMinor: record.priceMinor + 100, updatedAt: new Date() });
  index.apply({ id: records[20]!.id, deleted: true, updatedAt: new Date() });

  const facetsOf = (category: string) => {
    const pass = runPass(index, compileFilter(index, parseListingFilter({ category })));
    const brands = [...pass.counts.brand.keys()].filter((id) => pass.counts.brand[id]! > 0).map((id) => index.brands.label(id));
    const pairs = [...pass.counts.pair.keys()].filter((id) => pass.counts.pair[id]! > 0).map((pair) => ({
      name: index.attributes.names.label(index.attributes.nameOfPair[pair]!),
      value: index.attributes.pairs.label(pair),
    }));
    return { brands, pairs };
  };

  it.each(['footwear', 'apparel', 'shoes', 'electronics', 'home'])(
    'when %s is narrowed by brands, attribute values and prices in many ways, then every match and facet count equals a full scan',
    (category) => {
      // given the brands and attribute values offered in the category
      const { brands, pairs } = facetsOf(category);
      const broad = runPass(index, compileFilter(index, parseListingFilter({ category })));
      const filters: ListingFilter[] = [];
      for (let i = 0; i < 12; i++) {
        const pair = pairs[(i * 7) % pairs.length]!;
        const other = pairs[(i * 11 + 3) % pairs.length]!;
        const brand = brands[i % brands.length]!;
        filters.push(
          { category, brands: [brand] },
          { category, brands: [brand, brands[(i + 1) % brands.length]!] },
          { category, attributes: [{ name: pair.name, values: [pair.value, other.value] }] },
          { category, brands: [brand], attributes: [{ name: pair.name, values: [pair.value] }] },
          { category, attributes: [{ name: pair.name, values: [pair.value] }, { name: other.name, values: [other.value] }], minPrice: String(10 + i) },
          { category, brands: [brand], minPrice: '20', maxPrice: '200' },
        );
      }

      // when each is computed from the category's pass and by a full scan
      let narrowed = 0;
      for (const filter of filters) {
        const compiled = compileFilter(index, parseListingFilter(filter));
        if (planScan(index, compiled, broad).member !== null) narrowed++;
        // then both agree
        expect(sameCounts(runPass(index, compiled, broad))).toEqual(sameCounts(runPass(index, compiled)));
      }
      // and most of them did start from the category's pass
      expect(narrowed).toBeGreaterThan(filters.length / 2);
    },
  );
});
