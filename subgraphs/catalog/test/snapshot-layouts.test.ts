import { gunzipSync, gzipSync } from 'node:zlib';
import { Binary } from 'mongodb';
import { RoundTripCounter } from '@shop/platform';
import { callGraphQL, identities } from '@shop/platform/testing';
import { generateCatalog } from '../src/seed/generate-catalog';
import { FIXTURE_PRODUCTS } from './support/fixture-catalog';
import { startCatalogServer, type CatalogTestServer } from './support/catalog-server';
import { idsOf, LISTING_QUERY, listing, type Listing } from './support/listing';

interface SnapshotDocument {
  _id: string;
  epoch: string;
  format?: string;
  version?: number;
  parts?: number;
  data?: Binary | string;
}

/** A document as an older catalog may have stored it: any fields. */
type RawDocument = { _id: string } & Record<string, unknown>;

const twinListing = async (url: string, variables: Record<string, unknown>) =>
  (await callGraphQL<{ products: Listing }>(url, LISTING_QUERY, variables, { identity: identities.guest() })).data!.products;

describe('a catalog starting on a database written by an older catalog', () => {
  let catalog: CatalogTestServer;

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_layouts', [...FIXTURE_PRODUCTS, ...generateCatalog({ size: 30, seed: 8 })]);
  });

  afterAll(async () => {
    await catalog?.close();
  });

  /** Replaces the stored snapshot by a manifest and one part, as some other version wrote them. */
  async function storeSnapshot(manifest: Omit<SnapshotDocument, '_id' | 'epoch'>, data: Binary | string) {
    const snapshots = catalog.db.collection<SnapshotDocument>('catalog_snapshot');
    const current = (await snapshots.findOne({ _id: 'manifest' }))!;
    await snapshots.deleteMany({});
    await snapshots.insertMany([
      { _id: 'manifest', epoch: current.epoch, ...manifest },
      { _id: 'part-0', epoch: current.epoch, data },
    ]);
    return current;
  }

  it('when the snapshot has the old layout (a JSON array per part, no layout tag), then the process starts, rebuilds it, and the next start uses it', async () => {
    // given a snapshot as the catalog of an hour ago stored it: one JSON array, dates as numbers
    const products = (await listing(catalog, { first: 100 })).edges.map(({ node }) => ({ id: node.id, name: node.name, createdAt: 1679125058000 }));
    const before = await storeSnapshot({ version: 1, parts: 1 }, new Binary(gzipSync(JSON.stringify(products))));

    // when a process starts, and stops (storing its snapshot on the way)
    const rebuilding = new RoundTripCounter();
    const first = await catalog.startTwin({ roundTrips: rebuilding });
    const args = { sort: 'NAME_ASC', first: 100 };
    const listedByFirst = idsOf(await twinListing(first.url, args));
    await first.close();

    // then it read every product, listed the catalog, and left a snapshot of today's layout
    expect(rebuilding.of('products.findAll')).toBe(1);
    expect(listedByFirst).toEqual(idsOf(await listing(catalog, args)));
    const manifest = await catalog.db.collection<SnapshotDocument>('catalog_snapshot').findOne({ _id: 'manifest' });
    expect(manifest).toMatchObject({ epoch: before.epoch, format: expect.any(String) });
    // and the next process starts from that snapshot alone
    const reusing = new RoundTripCounter();
    const second = await catalog.startTwin({ roundTrips: reusing });
    expect(reusing.of('snapshot.read')).toBe(1);
    expect(reusing.of('products.findAll')).toBe(0);
    expect(idsOf(await twinListing(second.url, args))).toEqual(listedByFirst);
  });

  it('when the snapshot lines are products in an older key order, then the process starts from them and stores them again in today\'s', async () => {
    // given a snapshot of today's tag whose lines put the id last and dates as numbers
    const snapshots = catalog.db.collection<SnapshotDocument>('catalog_snapshot');
    const manifest = (await snapshots.findOne({ _id: 'manifest' }))!;
    const lines = (await snapshots.find({ _id: { $ne: 'manifest' } }).toArray()).flatMap((part) => gunzipSync((part.data as Binary).buffer).toString('utf8').split('\n'));
    const older = lines.map((line) => {
      const { id, createdAt, updatedAt, ...rest } = JSON.parse(line) as { id: string; createdAt?: string; updatedAt: string };
      return JSON.stringify({ ...rest, ...(createdAt ? { createdAt: Date.parse(createdAt) } : {}), updatedAt: Date.parse(updatedAt), id });
    });
    await storeSnapshot({ format: manifest.format, version: manifest.version, parts: 1 }, new Binary(gzipSync(older.join('\n'))));

    // when a process starts, and stops (storing its snapshot on the way)
    const reads = new RoundTripCounter();
    const twin = await catalog.startTwin({ roundTrips: reads });
    const args = { sort: 'NAME_DESC', first: 100 };
    const listed = idsOf(await twinListing(twin.url, args));
    await twin.close();

    // then it started from the snapshot, lists the same catalog, and left the snapshot in today's order
    expect(reads.of('snapshot.read')).toBe(1);
    expect(reads.of('products.findAll')).toBe(0);
    expect(listed).toEqual(idsOf(await listing(catalog, args)));
    const part = (await snapshots.findOne({ _id: 'part-0' }))!;
    expect(gunzipSync((part.data as Binary).buffer).toString('utf8').startsWith('{"id":')).toBe(true);
  });

  it('when the snapshot has the layout tag but lines of another shape, then the process starts from the products', async () => {
    // given a snapshot whose tag is today's but whose lines are no product states
    const manifest = (await catalog.db.collection<SnapshotDocument>('catalog_snapshot').findOne({ _id: 'manifest' }))!;
    await storeSnapshot({ format: manifest.format, version: manifest.version, parts: 1 }, new Binary(gzipSync('{"not":"a product"}\n[1,2]')));

    // when a process starts
    const reads = new RoundTripCounter();
    const twin = await catalog.startTwin({ roundTrips: reads });

    // then it read the products and lists the same catalog
    expect(reads.of('snapshot.read')).toBe(1);
    expect(reads.of('products.findAll')).toBe(1);
    const args = { sort: 'PRICE_DESC', first: 100 };
    expect(idsOf(await twinListing(twin.url, args))).toEqual(idsOf(await listing(catalog, args)));
  });

  it('when a part is not even gzip, then the process starts from the products', async () => {
    // given a snapshot part of plain text
    const manifest = (await catalog.db.collection<SnapshotDocument>('catalog_snapshot').findOne({ _id: 'manifest' }))!;
    await storeSnapshot({ format: manifest.format, version: manifest.version, parts: 1 }, new Binary(Buffer.from('not gzip')));

    // when a process starts
    const reads = new RoundTripCounter();
    const twin = await catalog.startTwin({ roundTrips: reads });

    // then it read the products and lists the same catalog
    expect(reads.of('products.findAll')).toBe(1);
    const args = { sort: 'NEWEST', first: 100 };
    expect(idsOf(await twinListing(twin.url, args))).toEqual(idsOf(await listing(catalog, args)));
  });
});

describe('a catalog starting on product documents written by an older catalog', () => {
  let catalog: CatalogTestServer;

  beforeAll(async () => {
    catalog = await startCatalogServer('catalog_old_documents');
  });

  afterAll(async () => {
    await catalog?.close();
  });

  it('when documents lack newer fields and hold dates as text or numbers, then the process starts and lists them', async () => {
    // given a category and two products stored without images, attributes or categoryIds
    await catalog.db.collection<RawDocument>('categories').insertOne({ _id: 'bags', slug: 'bags', name: 'Bags', parentId: null, position: 0 });
    await catalog.db.collection<RawDocument>('products').insertMany([
      { _id: 'old-1', slug: 'old-tote', name: 'Old Tote', brand: 'Elder', description: 'Saved long ago.', currencyCode: 'EUR', priceMinor: 1500,
        categoryId: 'bags', variants: [{ sku: 'OLD-1', priceMinor: 1500 }], createdAt: '2023-01-02T00:00:00.000Z', updatedAt: 1672617600000 },
      { _id: 'old-2', slug: 'old-satchel', name: 'Old Satchel', brand: 'Elder', description: '', currencyCode: 'EUR', priceMinor: 2500,
        categoryId: 'bags', variants: [{ sku: 'OLD-2', options: [], priceMinor: 2500 }], createdAt: new Date('2023-01-03T00:00:00Z'), updatedAt: new Date('2023-01-03T00:00:00Z') },
    ]);

    // when a process starts on them
    const twin = await catalog.startTwin();
    const page = await twinListing(twin.url, { filter: { category: 'bags' }, sort: 'NEWEST' });
    const tote = await callGraphQL<{ product: Record<string, unknown> }>(
      twin.url, '{ product(id: "old-1") { createdAt images { url } attributes { name } category { slug } variants { sku title } } }', {},
      { identity: identities.guest() },
    );

    // then it lists both, newest first, with defaults for what was not stored
    expect(idsOf(page)).toEqual(['old-2', 'old-1']);
    expect(tote.data!.product).toEqual({
      createdAt: '2023-01-02T00:00:00.000Z', images: [], attributes: [], category: { slug: 'bags' }, variants: [{ sku: 'OLD-1', title: 'Default' }],
    });
  });
});
