import { setTimeout as sleep } from 'node:timers/promises';
import { RoundTripCounter } from '@shop/platform';
import { callGraphQL, identities } from '@shop/platform/testing';
import { generateCatalog } from '../src/seed/generate-catalog';
import { createRepositories } from '../src/services/repositories';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { idsOf, LISTING_QUERY, listing, type Listing } from './support/listing';

const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) { userErrors { code } } }`;
const belt = (id: string, price: string) => ({
  id, name: `Read Model Belt ${id}`, brand: 'Atlas Goods', description: 'A belt for the read model.', category: 'jeans', currencyCode: 'EUR',
  variants: [{ sku: `${id}-1`.toUpperCase(), price }],
});

describe('the in-memory read model and the store', () => {
  let catalog: CatalogTestServer;
  const admin = identities.admin();
  const twinListing = async (url: string, variables: Record<string, unknown>) =>
    (await callGraphQL<{ products: Listing }>(url, LISTING_QUERY, variables, { identity: identities.guest() })).data!.products;

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_read_model', [...FIXTURE_PRODUCTS, ...generateCatalog({ size: 30, seed: 3 })]);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('when a process starts after products changed, then it loads the snapshot and catches up on every change since', async () => {
    // given changes made after the seed stored its snapshot
    await catalog.query(UPSERT, { input: belt('belt-1', '20.00') }, admin);
    await catalog.query(UPSERT, { input: belt('belt-1', '22.00') }, admin);
    await catalog.query('mutation { deleteProduct(id: "tee-1") { deletedProductId } }', {}, admin);

    // when a new process starts
    const twinReads = new RoundTripCounter();
    const twin = await catalog.startTwin({ roundTrips: twinReads });

    // then it read the snapshot and the two changed products, not the whole catalog
    expect(twinReads.of('snapshot.read')).toBe(1);
    expect(twinReads.of('products.findAll')).toBe(0);
    expect(twinReads.of('products.findById')).toBe(2);
    // and it lists exactly what the first process lists
    const args = { sort: 'PRICE_ASC', first: 100 };
    const mine = await listing(catalog, args);
    const theirs = await twinListing(twin.url, args);
    expect(idsOf(theirs)).toEqual(idsOf(mine));
    expect(idsOf(theirs)).toContain('belt-1');
    expect(idsOf(theirs)).not.toContain('tee-1');
    expect(theirs.edges.find((edge) => edge.node.id === 'belt-1')!.node.price.amount).toBe('22.00');
  });

  it('when products are written straight to the store by a script, then a running process lists them on the next request', async () => {
    // given a script writing through the repositories (as fixtures of other subgraphs do)
    const repositories = createRepositories(catalog.db);
    const now = new Date();

    // when it writes a product
    await repositories.products.upsertMany([
      {
        id: 'scripted', slug: 'scripted', name: 'Scripted Socks', brand: 'Juniper', description: 'Written by a script.', currencyCode: 'EUR',
        priceMinor: 500, categoryId: 'apparel.topwear.tshirts', variants: [{ sku: 'SCRIPTED-1', options: [], priceMinor: 500 }], createdAt: now, updatedAt: now,
      },
    ]);

    // then the running process knows it
    expect(idsOf(await listing(catalog, { filter: { query: 'scripted socks' } }))).toEqual(['scripted']);
  });

  it("when a process allows some staleness, then another process's write is seen once that much time has passed", async () => {
    // given a process that may answer from a read model up to 100 ms old
    const relaxed = await catalog.startTwin({ maxStalenessMs: 100 });
    await twinListing(relaxed.url, { first: 1 });

    // when another process saves a product and more than 100 ms pass
    await catalog.query(UPSERT, { input: belt('belt-late', '30.00') }, admin);
    await sleep(250);

    // then the relaxed process lists it
    expect(idsOf(await twinListing(relaxed.url, { filter: { ids: ['belt-late'] } }))).toEqual(['belt-late']);
  });
});
