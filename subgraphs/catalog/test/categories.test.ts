import { identities } from '@shop/platform/testing';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { codeOf, startCatalogServer, type CatalogTestServer } from './support/catalog-server';

interface TreeNode {
  slug: string;
  productCount: number;
  children?: TreeNode[];
}

describe('category tree and breadcrumbs', () => {
  let catalog: CatalogTestServer;

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_categories', FIXTURE_PRODUCTS);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('when the tree is read, then top-level categories hold their sub-categories with product counts of their subtrees', async () => {
    // given products in six leaves under three top-level categories
    // when the whole tree is read
    const result = await catalog.query<{ categories: TreeNode[] }>(
      '{ categories { slug productCount children { slug productCount children { slug productCount } } } }',
    );

    // then the tree mirrors the seeded paths, in the order they were first seen
    expect(result.data!.categories).toEqual([
      {
        slug: 'footwear', productCount: 5, children: [
          { slug: 'shoes', productCount: 4, children: [{ slug: 'casual-shoes', productCount: 2 }, { slug: 'sports-shoes', productCount: 2 }] },
          { slug: 'sandal', productCount: 1, children: [{ slug: 'sandals', productCount: 1 }] },
        ],
      },
      {
        slug: 'apparel', productCount: 5, children: [
          { slug: 'topwear', productCount: 4, children: [{ slug: 'tshirts', productCount: 4 }] },
          { slug: 'bottomwear', productCount: 1, children: [{ slug: 'jeans', productCount: 1 }] },
        ],
      },
      {
        slug: 'accessories', productCount: 2, children: [
          { slug: 'watches', productCount: 2, children: [{ slug: 'watches-watches', productCount: 2 }] },
        ],
      },
    ]);
  });

  it('when a leaf is asked by slug, then it comes with its breadcrumb from the top', async () => {
    // given the leaf Casual Shoes
    // when it is asked by slug
    const result = await catalog.query<{ category: unknown }>(
      '{ category(slug: "casual-shoes") { id name depth parent { slug } path { slug name } children { slug } } }',
    );

    // then its path runs Footwear > Shoes > Casual Shoes
    expect(result.data!.category).toEqual({
      id: 'footwear.shoes.casual-shoes',
      name: 'Casual Shoes',
      depth: 2,
      parent: { slug: 'shoes' },
      path: [
        { slug: 'footwear', name: 'Footwear' },
        { slug: 'shoes', name: 'Shoes' },
        { slug: 'casual-shoes', name: 'Casual Shoes' },
      ],
      children: [],
    });
  });

  it('when a leaf has the same name as its parent, then both keep distinct slugs and a correct breadcrumb', async () => {
    // given Accessories > Watches > Watches
    // when the leaf is asked by id and its product's category is read
    const byId = await catalog.query<{ category: unknown }>('{ category(id: "accessories.watches.watches") { slug path { slug } } }');
    const product = await catalog.query<{ product: unknown }>('{ product(id: "watch-1") { category { slug name } } }');

    // then the leaf's slug is prefixed by its parent's
    expect(byId.data!.category).toEqual({ slug: 'watches-watches', path: [{ slug: 'accessories' }, { slug: 'watches' }, { slug: 'watches-watches' }] });
    expect(product.data!.product).toEqual({ category: { slug: 'watches-watches', name: 'Watches' } });
  });

  it('when a middle category is asked by slug, then it comes with its parent, children, breadcrumb and count', async () => {
    // given Footwear > Shoes with two leaves
    // when Shoes is asked by slug
    const result = await catalog.query<{ category: unknown }>(
      '{ category(slug: "shoes") { id depth parent { slug } children { slug productCount } path { slug } productCount } }',
    );

    // then it sits between Footwear and its leaves
    expect(result.data!.category).toEqual({
      id: 'footwear.shoes',
      depth: 1,
      parent: { slug: 'footwear' },
      children: [{ slug: 'casual-shoes', productCount: 2 }, { slug: 'sports-shoes', productCount: 2 }],
      path: [{ slug: 'footwear' }, { slug: 'shoes' }],
      productCount: 4,
    });
  });

  it('when a product is added to a leaf and another deleted, then the counts of the leaves and their ancestors follow', async () => {
    // given the counts of Casual Shoes and Watches before
    const counts = async () =>
      (await catalog.query<Record<string, { productCount: number }>>(
        '{ casual: category(slug: "casual-shoes") { productCount } footwear: category(slug: "footwear") { productCount } watches: category(slug: "watches") { productCount } }',
      )).data!;
    const before = await counts();

    // when a casual shoe is added and a watch deleted
    const saved = await catalog.query<{ upsertProduct: { userErrors: unknown[] } }>(
      'mutation($input: ProductInput!) { upsertProduct(input: $input) { userErrors { code } } }',
      { input: { id: 'shoe-9', name: 'Counted Shoe', brand: 'Kestrel', description: '', category: 'casual-shoes', currencyCode: 'EUR', variants: [{ sku: 'SHOE-9', price: '10.00' }] } },
      identities.admin(),
    );
    await catalog.query('mutation { deleteProduct(id: "watch-2") { deletedProductId } }', {}, identities.admin());
    const after = await counts();

    // then each count moved by one, up the whole path
    expect(saved.data!.upsertProduct.userErrors).toEqual([]);
    expect(after).toEqual({
      casual: { productCount: before.casual!.productCount + 1 },
      footwear: { productCount: before.footwear!.productCount + 1 },
      watches: { productCount: before.watches!.productCount - 1 },
    });
  });

  it('when a category is unknown, then the answer is null; without slug or id it is refused', async () => {
    // given no such category
    // when asked for it, and asked with no key at all
    const unknown = await catalog.query<{ category: unknown }>('{ category(slug: "{\\"$gt\\": \\"\\"}") { id } }');
    const missing = await catalog.query('{ category { id } }');

    // then the first is null and the second a clear error
    expect(unknown.data!.category).toBeNull();
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
  });
});
