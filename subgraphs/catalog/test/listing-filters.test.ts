import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { idsOf, listing } from './support/listing';

const sorted = (ids: string[]) => [...ids].sort();

describe('product listing filters and facets', () => {
  let catalog: CatalogTestServer;

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_filters', FIXTURE_PRODUCTS);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('when filtering by a top-level category, then products of every descendant leaf are found', async () => {
    // given shoes and sandals in leaves below Footwear
    // when listing Footwear, Shoes (by id) and Casual Shoes
    const footwear = await listing(catalog, { filter: { category: 'footwear' } });
    const shoes = await listing(catalog, { filter: { category: 'footwear.shoes' } });
    const casual = await listing(catalog, { filter: { category: 'casual-shoes' } });

    // then each level holds its leaves' products
    expect(sorted(idsOf(footwear))).toEqual(['sandal-1', 'shoe-1', 'shoe-2', 'shoe-3', 'shoe-4']);
    expect(footwear.totalCount).toBe(5);
    expect(sorted(idsOf(shoes))).toEqual(['shoe-1', 'shoe-2', 'shoe-3', 'shoe-4']);
    expect(sorted(idsOf(casual))).toEqual(['shoe-1', 'shoe-2']);
  });

  it('when filtering by brands in any letter case, then products of any of them are found', async () => {
    // given products of Kestrel and Marlowe
    // when listing brands typed in other cases
    const page = await listing(catalog, { filter: { brands: ['kestrel', 'MARLOWE'] } });

    // then all their products are found
    expect(sorted(idsOf(page))).toEqual(['sandal-1', 'shoe-1', 'shoe-2']);
  });

  it('when filtering by a price range, then both ends are inclusive and exact', async () => {
    // given products at 24.99 and 89.00 among others
    // when listing 24.99 to 89.00
    const page = await listing(catalog, { filter: { minPrice: '24.99', maxPrice: '89' }, sort: 'PRICE_ASC' });

    // then the ends are included and nothing outside is
    expect(page.edges.map((edge) => edge.node.price.amount)).toEqual(['24.99', '24.99', '29.99', '49.99', '79.00', '89.00']);
  });

  it('when filtering by attribute values, then any value of an attribute and every attribute must match', async () => {
    // given tees of cotton, organic cotton and linen
    // when listing Fabric cotton or linen, then additionally Colour navy
    const fabric = await listing(catalog, { filter: { attributes: [{ name: 'fabric', values: ['Cotton', 'LINEN'] }] } });
    const fabricAndColour = await listing(catalog, {
      filter: { attributes: [{ name: 'Fabric', values: ['cotton', 'linen'] }, { name: 'Colour', values: ['Navy'] }] },
    });

    // then values are exact (organic cotton is another value) and attributes combine
    expect(sorted(idsOf(fabric))).toEqual(['tee-2', 'tee-3', 'tee-4']);
    expect(idsOf(fabricAndColour)).toEqual(['tee-2']);
  });

  it('when searching text, then every word must occur in name, brand or description, plurals included', async () => {
    // given "shoes" in a name and in a description, and "Juniper" as a brand
    // when searching
    const shoes = await listing(catalog, { filter: { query: 'shoe' } });
    const organicTee = await listing(catalog, { filter: { query: 'Organic TEE' } });
    const brand = await listing(catalog, { filter: { query: 'juniper' } });

    // then matches need all words, in any field and any case
    expect(sorted(idsOf(shoes))).toEqual(['shoe-3', 'shoe-4']);
    expect(idsOf(organicTee)).toEqual(['tee-1']);
    expect(sorted(idsOf(brand))).toEqual(['tee-1', 'tee-2', 'tee-4']);
  });

  it('when searching with relevance, then words in the name rank above words in the description', async () => {
    // given "running shoes" in one name and only in another description
    // when searching without naming a sort (relevance is the default with a query)
    const page = await listing(catalog, { filter: { query: 'running shoes' } });

    // then the name match comes first
    expect(idsOf(page)).toEqual(['shoe-3', 'shoe-4']);
  });

  it('when filtering by ids together with a category, then both conditions hold', async () => {
    // given ids of a tee, a watch and an unknown product
    // when listing them within Accessories
    const page = await listing(catalog, { filter: { ids: ['tee-1', 'watch-2', 'nope'], category: 'accessories' } });

    // then only the watch remains
    expect(idsOf(page)).toEqual(['watch-2']);
  });

  it('when listing without a filter, then facets count brands, top-level categories and price bands', async () => {
    // given the whole fixture catalog
    // when listing it
    const page = await listing(catalog);

    // then brands are counted most frequent first
    expect(page.totalCount).toBe(12);
    expect(page.facets.brands).toEqual([
      { value: 'Juniper', count: 3, selected: false },
      { value: 'Altura', count: 2, selected: false },
      { value: 'Bramble', count: 2, selected: false },
      { value: 'Kestrel', count: 2, selected: false },
      { value: 'Orion Time', count: 2, selected: false },
      { value: 'Marlowe', count: 1, selected: false },
    ]);
    // and categories are the top level, in display order
    expect(page.facets.categories).toEqual([
      { category: { slug: 'footwear' }, count: 5 },
      { category: { slug: 'apparel' }, count: 5 },
      { category: { slug: 'accessories' }, count: 2 },
    ]);
    // and price bands are round, contiguous and add up to the total
    expect(page.facets.priceBands).toEqual([
      { min: { amount: '10.00', currencyCode: 'EUR' }, max: { amount: '24.99' }, count: 4 },
      { min: { amount: '25.00', currencyCode: 'EUR' }, max: { amount: '99.99' }, count: 5 },
      { min: { amount: '100.00', currencyCode: 'EUR' }, max: { amount: '399.99' }, count: 3 },
    ]);
  });

  it('when a price band is used as the filter, then the listing holds exactly the band count', async () => {
    // given the price bands of the whole catalog
    const bands = (await listing(catalog)).facets.priceBands;

    // when each band is applied as min and max price
    const totals = await Promise.all(
      bands.map(async (band) => (await listing(catalog, { filter: { minPrice: band.min.amount, maxPrice: band.max?.amount } })).totalCount),
    );

    // then each gives its own count
    expect(totals).toEqual(bands.map((band) => band.count));
  });

  it('when a brand is selected within a category, then the brand facet still counts the other brands of that category', async () => {
    // given Footwear of three brands
    // when selecting Kestrel in Footwear
    const page = await listing(catalog, { filter: { category: 'footwear', brands: ['Kestrel'] } });

    // then two products match, and the brand facet shows what other brands would add
    expect(page.totalCount).toBe(2);
    expect(page.facets.brands).toEqual([
      { value: 'Altura', count: 2, selected: false },
      { value: 'Kestrel', count: 2, selected: true },
      { value: 'Marlowe', count: 1, selected: false },
    ]);
    // and the category facet shows the sub-categories holding the matches
    expect(page.facets.categories).toEqual([{ category: { slug: 'shoes' }, count: 2 }]);
  });

  it('when an attribute value is selected, then its own facet counts every value and other facets count the matches', async () => {
    // given tees and jeans of several fabrics
    // when selecting Fabric = Cotton
    const page = await listing(catalog, { filter: { attributes: [{ name: 'Fabric', values: ['Cotton'] }] } });

    // then the Fabric facet counts all fabrics, with Cotton selected
    const fabric = page.facets.attributes.find((facet) => facet.name === 'Fabric')!;
    expect(fabric.values).toEqual([
      { value: 'Cotton', count: 2, selected: true },
      { value: 'Denim', count: 1, selected: false },
      { value: 'Linen', count: 1, selected: false },
      { value: 'Organic Cotton', count: 1, selected: false },
    ]);
    // and the Colour facet only counts the two cotton tees
    const colour = page.facets.attributes.find((facet) => facet.name === 'Colour')!;
    expect(colour.values).toEqual([
      { value: 'Black', count: 1, selected: false },
      { value: 'Navy', count: 1, selected: false },
    ]);
  });

  it('when the category is unknown, then the listing is empty rather than an error', async () => {
    // given no category with that slug
    // when listing it
    const page = await listing(catalog, { filter: { category: 'no-such-category' } });

    // then nothing is found
    expect(page.totalCount).toBe(0);
    expect(page.edges).toEqual([]);
    expect(page.facets.brands).toEqual([]);
  });
});
