import { identities } from '@shop/platform/testing';
import type { Identity } from '@shop/platform';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { listing } from './support/listing';

const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) {
  product { id slug name price { amount currencyCode } category { slug } variants { sku } createdAt updatedAt }
  userErrors { field message code } } }`;
const DELETE = `mutation($id: ID!) { deleteProduct(id: $id) { deletedProductId userErrors { field code } } }`;

interface Saved {
  product: { id: string; slug: string; name: string; price: { amount: string }; variants: Array<{ sku: string }>; createdAt: string; updatedAt: string } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}

const jacket = (overrides: Record<string, unknown> = {}) => ({
  name: 'Saltmarsh Packable Rain Jacket',
  brand: 'Saltmarsh',
  description: 'A light rain jacket that packs into its own pocket.',
  category: 'tshirts',
  currencyCode: 'EUR',
  images: [{ url: 'https://images.example.test/jacket.jpg' }],
  attributes: [{ name: 'Fabric', value: 'Nylon' }],
  variants: [
    { sku: 'JACKET-S', options: [{ name: 'Size', value: 'S' }], price: '89.90' },
    { sku: 'JACKET-M', options: [{ name: 'Size', value: 'M' }], price: '89.90', compareAtPrice: '119.00' },
  ],
  ...overrides,
});

describe('catalog administration', () => {
  let catalog: CatalogTestServer;
  const admin = identities.admin();
  const upsert = async (input: Record<string, unknown>, identity: Identity = admin) => {
    const result = await catalog.query<{ upsertProduct: Saved }>(UPSERT, { input }, identity);
    return { result, saved: result.data?.upsertProduct };
  };

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_admin', FIXTURE_PRODUCTS);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it.each([
    ['a guest', identities.guest()],
    ['a shopper', identities.shopper()],
    ['a partner', identities.partner()],
  ])('when %s tries to change the catalog, then it is forbidden and nothing changes', async (_who, identity) => {
    // given a caller who is not an admin
    // when it creates a product and deletes another
    const created = await upsert(jacket({ id: 'forbidden-jacket' }), identity);
    const deleted = await catalog.query(DELETE, { id: 'shoe-1' }, identity);

    // then both are refused and the catalog is as it was
    expect(codeOf(created.result)).toBe('FORBIDDEN');
    expect(codeOf(deleted)).toBe('FORBIDDEN');
    const check = await catalog.query<{ a: unknown; b: unknown }>('{ a: product(id: "forbidden-jacket") { id } b: product(id: "shoe-1") { id } }');
    expect(check.data).toEqual({ a: null, b: { id: 'shoe-1' } });
  });

  it('when an admin creates a product without id or slug, then both are made and it is listed in its category', async () => {
    // given a valid new product
    // when an admin saves it
    const { saved } = await upsert(jacket());

    // then it gets an id, a slug from its name and the cheapest variant's price
    expect(saved!.userErrors).toEqual([]);
    expect(saved!.product).toMatchObject({
      slug: 'saltmarsh-packable-rain-jacket',
      price: { amount: '89.90' },
      variants: [{ sku: 'JACKET-S' }, { sku: 'JACKET-M' }],
    });
    const page = await listing(catalog, { filter: { category: 'apparel', query: 'packable' } });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([saved!.product!.id]);
  });

  it('when a service identity replaces a product, then the creation date stays and the old SKUs are gone', async () => {
    // given an existing product with two variants
    const { saved: first } = await upsert(jacket({ id: 'jacket-2', slug: 'jacket-two', variants: [{ sku: 'J2-S', price: '50.00' }, { sku: 'J2-M', price: '55.00' }] }));

    // when a service replaces it with one variant at a new price
    const { saved: second } = await upsert(
      jacket({ id: 'jacket-2', slug: 'jacket-two', variants: [{ sku: 'J2-L', price: '45.50' }] }),
      identities.service('importer'),
    );

    // then the product keeps its creation date, moves on its update date, and only the new SKU resolves
    expect(second!.userErrors).toEqual([]);
    expect(second!.product!.createdAt).toBe(first!.product!.createdAt);
    expect(second!.product!.updatedAt > first!.product!.updatedAt).toBe(true);
    const variants = await catalog.query<{ variantsBySkus: unknown[] }>('{ variantsBySkus(skus: ["J2-S", "J2-L"]) { sku price { amount } } }');
    expect(variants.data!.variantsBySkus).toEqual([null, { sku: 'J2-L', price: { amount: '45.50' } }]);
  });

  it.each([
    ['a price that is not a number', { variants: [{ sku: 'BAD-1', price: 'abc' }] }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
    ['more decimals than the currency has', { variants: [{ sku: 'BAD-1', price: '10.999' }] }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
    ['a negative price', { variants: [{ sku: 'BAD-1', price: '-1.00' }] }, 'INVALID_PRICE', ['input', 'variants', '0', 'price']],
    ['a compare-at price below the price', { variants: [{ sku: 'BAD-1', price: '10.00', compareAtPrice: '9.00' }] }, 'BAD_USER_INPUT', ['input', 'variants', '0', 'compareAtPrice']],
    ['the same SKU twice', { variants: [{ sku: 'BAD-1', price: '1.00' }, { sku: 'BAD-1', price: '2.00' }] }, 'DUPLICATE_SKU', ['input', 'variants', '1', 'sku']],
    ['a SKU of another product', { variants: [{ sku: 'SHOE-1-42', price: '1.00' }] }, 'SKU_TAKEN', ['input', 'variants', '0', 'sku']],
    ['a SKU with spaces', { variants: [{ sku: 'BAD SKU', price: '1.00' }] }, 'BAD_USER_INPUT', ['input', 'variants', '0', 'sku']],
    ['no variant', { variants: [] }, 'BAD_USER_INPUT', ['input', 'variants']],
    ['an unknown category', { category: '{"$gt": ""}' }, 'UNKNOWN_CATEGORY', ['input', 'category']],
    ['a category with sub-categories', { category: 'footwear' }, 'CATEGORY_NOT_LEAF', ['input', 'category']],
    ['a slug of another product', { slug: 'shoe-1' }, 'SLUG_TAKEN', ['input', 'slug']],
    ['a slug with capitals', { slug: 'Bad Slug' }, 'BAD_USER_INPUT', ['input', 'slug']],
    ['an unknown currency', { currencyCode: 'XYZ' }, 'BAD_USER_INPUT', ['input', 'currencyCode']],
    ['an empty name', { name: '   ' }, 'BAD_USER_INPUT', ['input', 'name']],
    ['a script URL as image', { images: [{ url: 'javascript:alert(1)' }] }, 'BAD_USER_INPUT', ['input', 'images', '0', 'url']],
    ['an attribute given twice', { attributes: [{ name: 'Fit', value: 'Slim' }, { name: 'fit', value: 'Loose' }] }, 'DUPLICATE_ATTRIBUTE', ['input', 'attributes', '1', 'name']],
  ])('when an admin saves a product with %s, then a user error names the field and nothing is saved', async (_case, overrides, code, field) => {
    // given a product that is wrong in one way
    const before = (await listing(catalog)).totalCount;

    // when an admin saves it
    const { saved } = await upsert(jacket({ id: 'bad-product', ...overrides }));

    // then the payload reports it and the catalog does not change
    expect(saved!.product).toBeNull();
    expect(saved!.userErrors).toEqual([expect.objectContaining({ code, field })]);
    const check = await catalog.query<{ product: unknown }>('{ product(id: "bad-product") { id } }');
    expect(check.data!.product).toBeNull();
    expect((await listing(catalog)).totalCount).toBe(before);
  });

  it('when an admin deletes a product, then it leaves every read and its slug and SKUs become free', async () => {
    // given a product with a slug and SKUs
    await upsert(jacket({ id: 'doomed', slug: 'doomed-jacket', variants: [{ sku: 'DOOMED-1', price: '10.00' }] }));

    // when it is deleted
    const deleted = await catalog.query<{ deleteProduct: unknown }>(DELETE, { id: 'doomed' }, admin);

    // then it is gone from lookups, listings and SKU resolution
    expect(deleted.data!.deleteProduct).toEqual({ deletedProductId: 'doomed', userErrors: [] });
    const reads = await catalog.query<Record<string, unknown>>(
      '{ byId: product(id: "doomed") { id } bySlug: product(slug: "doomed-jacket") { id } sku: variantsBySkus(skus: ["DOOMED-1"]) { sku } }',
    );
    expect(reads.data).toEqual({ byId: null, bySlug: null, sku: [null] });
    expect((await listing(catalog, { filter: { ids: ['doomed'] } })).totalCount).toBe(0);
    // and another product may take its slug and SKU
    const { saved } = await upsert(jacket({ id: 'reborn', slug: 'doomed-jacket', variants: [{ sku: 'DOOMED-1', price: '12.00' }] }));
    expect(saved!.userErrors).toEqual([]);
  });

  it('when an unknown or already deleted product is deleted, then a NOT_FOUND user error is returned', async () => {
    // given an id that names no live product
    await upsert(jacket({ id: 'twice', slug: 'twice', variants: [{ sku: 'TWICE-1', price: '1.00' }] }));
    await catalog.query(DELETE, { id: 'twice' }, admin);

    // when it is deleted (again)
    const again = await catalog.query<{ deleteProduct: unknown }>(DELETE, { id: 'twice' }, admin);
    const unknown = await catalog.query<{ deleteProduct: unknown }>(DELETE, { id: '{"$gt": ""}' }, admin);

    // then nothing is deleted
    expect(again.data!.deleteProduct).toEqual({ deletedProductId: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    expect(unknown.data!.deleteProduct).toEqual({ deletedProductId: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });
});
