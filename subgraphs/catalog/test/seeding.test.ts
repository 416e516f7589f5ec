import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateCatalog } from '../src/seed/generate-catalog';
import { importFashionCatalog } from '../src/seed/import-fashion-catalog';
import { isCatalogEmpty, seedCatalog } from '../src/seed/seed-catalog';
import type { SeedProduct } from '../src/seed/seed-product';
import { startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { listing } from './support/listing';

const FASHION = join(__dirname, '..', '..', '..', '..', 'shared', 'data', 'fashion-catalog-5k.jsonl');
const take = (products: Iterable<SeedProduct>, count: number): SeedProduct[] => {
  const taken: SeedProduct[] = [];
  for (const product of products) {
    if (taken.length === count) break;
    taken.push(product);
  }
  return taken;
};

describe('demo catalog generation and seeding', () => {
  it('when the catalog is generated twice with one seed, then it is the same, and product i does not depend on the size', () => {
    // given two generations with seed 42 and one with seed 43
    // when their products are compared
    const first = [...generateCatalog({ size: 300, seed: 42 })];
    const again = [...generateCatalog({ size: 300, seed: 42 })];
    const bigger = take(generateCatalog({ size: 100_000, seed: 42 }), 300);
    const other = [...generateCatalog({ size: 300, seed: 43 })];

    // then the same seed gives the same products, whatever the size, and another seed others
    expect(again).toEqual(first);
    expect(bigger).toEqual(first);
    expect(other.map((product) => product.name)).not.toEqual(first.map((product) => product.name));
  });

  it('when 2,000 products are generated, then they span at least eight top-level categories, with unique ids, slugs and SKUs', () => {
    // given the default demo catalog
    // when it is generated
    const products = [...generateCatalog()];

    // then it is large, varied and consistent
    expect(products).toHaveLength(2000);
    const topLevel = new Set(products.map((product) => product.categoryPath[0]));
    expect(topLevel.size).toBeGreaterThanOrEqual(8);
    expect([...topLevel]).toEqual(expect.arrayContaining(['Footwear', 'Apparel', 'Electronics', 'Home']));
    expect(new Set(products.map((product) => product.id)).size).toBe(2000);
    expect(new Set(products.map((product) => product.slug)).size).toBe(2000);
    const skus = products.flatMap((product) => product.variants.map((variant) => variant.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(skus.length).toBeGreaterThan(4000);
    for (const product of products) {
      expect(product.categoryPath).toHaveLength(3);
      expect(product.name.length).toBeGreaterThan(5);
      expect(product.attributes.length).toBeGreaterThan(0);
      for (const variant of product.variants) {
        expect(Number.isInteger(variant.priceMinor) && variant.priceMinor > 0).toBe(true);
        if (variant.compareAtPriceMinor !== null) expect(variant.compareAtPriceMinor).toBeGreaterThan(variant.priceMinor);
      }
    }
    const shoes = products.filter((product) => product.categoryPath[1] === 'Shoes');
    expect(shoes.length).toBeGreaterThan(100);
    expect(shoes[0]!.variants[0]!.options[0]!.name).toBe('Size');
  });

  describe('into the store', () => {
    let catalog: CatalogTestServer;

    beforeAll(async () => {
      catalog = await startCatalogServer('catalog_seeding');
    });

    afterAll(async () => {
      await catalog?.close();
    });

    it('when a catalog is seeded twice, then every SKU is returned each time and nothing is duplicated', async () => {
      // given 150 generated products
      const products = [...generateCatalog({ size: 150, seed: 5 })];
      const expected = products.flatMap((product) => product.variants.map((variant) => ({ productId: product.id, sku: variant.sku })));

      // when they are seeded twice while the catalog server runs
      expect(await isCatalogEmpty(catalog.db)).toBe(true);
      const first = await seedCatalog(catalog.db, products);
      const second = await seedCatalog(catalog.db, generateCatalog({ size: 150, seed: 5 }));

      // then both runs return every SKU and the running server lists each product once
      expect(first).toEqual(expected);
      expect(second).toEqual(expected);
      expect(await isCatalogEmpty(catalog.db)).toBe(false);
      expect((await listing(catalog)).totalCount).toBe(150);
    });

    it('when a catalog is seeded with replace, then only the new products remain', async () => {
      // given a seeded catalog
      await seedCatalog(catalog.db, generateCatalog({ size: 150, seed: 5 }));

      // when 20 other products replace it
      await seedCatalog(catalog.db, generateCatalog({ size: 20, seed: 6 }), { replace: true });

      // then only those 20 are listed
      expect((await listing(catalog)).totalCount).toBe(20);
    });

    (existsSync(FASHION) ? it : it.skip)('when the fashion catalog is imported, then real products keep their prices, sizes, attributes and categories', async () => {
      // given the 5,000-product fashion catalog
      // when it is imported and its first 200 products are seeded
      const products = await importFashionCatalog(FASHION);
      await seedCatalog(catalog.db, products.slice(0, 200), { replace: true });

      // then each product is mapped into the catalog's shape
      expect(products).toHaveLength(5000);
      const jersey = products.find((product) => product.id === 'fashion-1164')!;
      expect(jersey).toMatchObject({
        name: 'Nike Men Blue T20 Indian Cricket Jersey',
        brand: 'Nike',
        currencyCode: 'INR',
        categoryPath: ['Apparel', 'Topwear', 'Tshirts'],
      });
      expect(jersey.variants.map((variant) => variant.options[0]!.value)).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL']);
      expect(jersey.variants[0]).toEqual({ sku: 'FSH-8503', options: [{ name: 'Size', value: 'XS' }], priceMinor: 159500, compareAtPriceMinor: null });
      expect(jersey.attributes).toEqual(expect.arrayContaining([{ name: 'Fabric', value: 'Cotton' }, { name: 'Gender', value: 'Men' }, { name: 'Colour', value: 'Blue' }]));
      expect(new Set(products.flatMap((product) => product.variants.map((variant) => variant.sku))).size).toBe(18_262);
      // and the seeded ones are listed in rupees under their categories
      const tees = await listing(catalog, { filter: { category: 'tshirts' }, first: 1 });
      expect(tees.totalCount).toBeGreaterThan(10);
      expect(tees.edges[0]!.node.price.currencyCode).toBe('INR');
    });
  });
});
