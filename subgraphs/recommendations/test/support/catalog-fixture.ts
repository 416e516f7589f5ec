import { MongoClient, type Db } from 'mongodb';
import { createLogger, listen, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET, uniqueName } from '@shop/platform/testing';
import { createCatalogServer, createRepositories } from '@shop/catalog';

/** A small fashion shop: one polo in four colours, other T-shirts, jeans, shoes, watches, bags. */
export const FIXTURE_PRODUCTS: Array<{ id: string; name: string; brand: string; path: string[]; colour: string; description: string }> = [
  ...['Blue', 'Red', 'Green', 'Black'].map((colour) => ({
    id: `polo-${colour.toLowerCase()}`,
    name: `Acme Men ${colour} Polo T-shirt`,
    brand: 'Acme',
    path: ['Apparel', 'Topwear', 'Tshirts'],
    colour,
    description: `${colour} cotton pique polo T-shirt with a ribbed collar, short sleeves and a two-button placket.`,
  })),
  { id: 'tee-puma', name: 'Puma Men White Crew Neck T-shirt', brand: 'Puma', path: ['Apparel', 'Topwear', 'Tshirts'], colour: 'White', description: 'White cotton crew neck T-shirt with short sleeves and a printed logo.' },
  { id: 'tee-nike', name: 'Nike Men Grey Dri-FIT Running T-shirt', brand: 'Nike', path: ['Apparel', 'Topwear', 'Tshirts'], colour: 'Grey', description: 'Lightweight grey running T-shirt in sweat-wicking fabric.' },
  { id: 'tee-adidas', name: 'Adidas Women Pink Graphic T-shirt', brand: 'Adidas', path: ['Apparel', 'Topwear', 'Tshirts'], colour: 'Pink', description: 'Pink cotton T-shirt with a graphic print, round neck.' },
  { id: 'jeans-roadster', name: 'Roadster Men Blue Slim Fit Jeans', brand: 'Roadster', path: ['Apparel', 'Bottomwear', 'Jeans'], colour: 'Blue', description: 'Mid-rise slim fit denim jeans with five pockets.' },
  { id: 'jeans-levis', name: "Levis Women Black Skinny Jeans", brand: 'Levis', path: ['Apparel', 'Bottomwear', 'Jeans'], colour: 'Black', description: 'Stretch denim skinny jeans, high rise.' },
  { id: 'shoe-nike', name: 'Nike Men Black Revolution Running Shoes', brand: 'Nike', path: ['Footwear', 'Shoes', 'Sports Shoes'], colour: 'Black', description: 'Cushioned running shoes with a breathable mesh upper and rubber outsole.' },
  { id: 'shoe-adidas', name: 'Adidas Men White Lite Racer Running Shoes', brand: 'Adidas', path: ['Footwear', 'Shoes', 'Sports Shoes'], colour: 'White', description: 'Lightweight running sneakers with a cloudfoam midsole.' },
  { id: 'shoe-puma', name: 'Puma Women Smash Casual Sneakers', brand: 'Puma', path: ['Footwear', 'Shoes', 'Casual Shoes'], colour: 'White', description: 'Leather low-top sneakers for everyday wear.' },
  { id: 'watch-titan', name: 'Titan Men Brown Analog Leather Watch', brand: 'Titan', path: ['Accessories', 'Watches', 'Watches'], colour: 'Brown', description: 'Analog wrist watch with a round dial and brown leather strap.' },
  { id: 'watch-fossil', name: 'Fossil Women Rose Gold Chronograph Watch', brand: 'Fossil', path: ['Accessories', 'Watches', 'Watches'], colour: 'Rose Gold', description: 'Chronograph wrist watch with a stainless steel bracelet.' },
  { id: 'watch-fastrack', name: 'Fastrack Unisex Black Digital Sports Watch', brand: 'Fastrack', path: ['Accessories', 'Watches', 'Watches'], colour: 'Black', description: 'Digital sports watch with a silicone strap, alarm and stopwatch.' },
  { id: 'wallet-hidesign', name: 'Hidesign Men Brown Leather Wallet', brand: 'Hidesign', path: ['Accessories', 'Wallets', 'Wallets'], colour: 'Brown', description: 'Bi-fold leather wallet with card slots and a coin pocket.' },
  { id: 'bag-baggit', name: 'Baggit Women Tan Handbag', brand: 'Baggit', path: ['Accessories', 'Bags', 'Handbags'], colour: 'Tan', description: 'Structured handbag with two handles and a detachable sling strap.' },
  { id: 'bag-wildcraft', name: 'Wildcraft Unisex Navy Backpack', brand: 'Wildcraft', path: ['Accessories', 'Bags', 'Backpacks'], colour: 'Navy', description: 'Laptop backpack with padded straps and three compartments.' },
];

export const skuOf = (productId: string) => `${productId}-m`;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface CatalogFixture {
  db: Db;
  server: RunningSubgraph;
  /** Runs an admin mutation on the catalog. */
  admin<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The real catalog subgraph on its own database, seeded with FIXTURE_PRODUCTS. */
export async function startCatalog(): Promise<CatalogFixture> {
  const client = new MongoClient(process.env.MONGODB_URL!, { serverSelectionTimeoutMS: 5_000 });
  await client.connect();
  const db = client.db(uniqueName('recs_catalog'));
  const repositories = createRepositories(db);
  const categories = new Map<string, { id: string; slug: string; name: string; parentId: string | null; position: number }>();
  for (const product of FIXTURE_PRODUCTS) {
    product.path.forEach((name, depth) => {
      const id = product.path.slice(0, depth + 1).map(slug).join('.');
      if (!categories.has(id)) {
        const parentId = depth === 0 ? null : product.path.slice(0, depth).map(slug).join('.');
        categories.set(id, { id, slug: depth === 0 ? slug(name) : `${slug(product.path[depth - 1]!)}-${slug(name)}`, name, parentId, position: categories.size });
      }
    });
  }
  await repositories.categories.saveMany([...categories.values()]);
  const now = new Date();
  await repositories.products.upsertMany(
    FIXTURE_PRODUCTS.map((product) => ({
      id: product.id,
      slug: product.id,
      name: product.name,
      brand: product.brand,
      description: product.description,
      currencyCode: 'INR',
      priceMinor: 99_900,
      attributes: [{ name: 'Colour', value: product.colour }],
      categoryIds: product.path.map((_, depth) => product.path.slice(0, depth + 1).map(slug).join('.')),
      variants: [{ sku: skuOf(product.id), options: [{ name: 'Size', value: 'M' }], priceMinor: 99_900 }],
      createdAt: now,
      updatedAt: now,
    })),
  );
  const server = await listen(
    await createCatalogServer({ db, logger: createLogger('catalog', 'silent'), identitySecret: TEST_IDENTITY_SECRET, changeFeedSettleMs: 0 }),
    0,
  );
  return {
    db,
    server,
    async admin<T>(query: string, variables: Record<string, unknown> = {}) {
      const result = await callGraphQL<T>(server.url, query, variables, { identity: identities.admin() });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return result.data!;
    },
    async close() {
      await server.close();
      await db.dropDatabase();
      await client.close();
    },
  };
}
