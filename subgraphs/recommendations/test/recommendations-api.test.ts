import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, listen, RoundTripCounter, type RunningSubgraph } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { createCatalogClient } from '../src/clients/catalog-client';
import { LocalVectorIndex } from '../src/data-access/local-vector-index';
import { LocalEmbedder } from '../src/embeddings/local-embedder';
import { ProductIndexer } from '../src/indexing/product-indexer';
import { createRecommendationsServer } from '../src/server';
import { startActivity, type ActivityFixture } from './support/activity-fixture';
import { FIXTURE_PRODUCTS, skuOf, startCatalog, type CatalogFixture } from './support/catalog-fixture';

/** The first run on a machine fetches the model from Maven Central (about 80 MB). */
const MODEL_FETCH_TIMEOUT_MS = 300_000;

const logger = createLogger('recommendations', 'silent');
const UNREACHABLE = 'http://127.0.0.1:9/graphql';
type Ids = Array<{ id: string }>;
const ids = (list: Ids) => list.map((product) => product.id);
const event = (type: string, productId: string, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), type, productId, ...extra });

describe('recommendations subgraph', () => {
  let catalog: CatalogFixture;
  let activity: ActivityFixture;
  let embedder: LocalEmbedder;
  let index: LocalVectorIndex;
  let server: RunningSubgraph;
  let dir: string;
  const roundTrips = new RoundTripCounter();

  const ask = async <T>(query: string, variables: Record<string, unknown> = {}, identity = identities.guest(), url = server.url) => {
    const result = await callGraphQL<T>(url, query, variables, { identity });
    return result;
  };

  beforeAll(async () => {
    [catalog, embedder] = await Promise.all([startCatalog(), LocalEmbedder.create()]);
    activity = await startActivity(catalog.server.url);
    dir = mkdtempSync(join(tmpdir(), 'recs-api-'));
    index = LocalVectorIndex.open({ dir, dimension: embedder.dimension, roundTrips });
    const catalogClient = createCatalogClient({ url: catalog.server.url, identitySecret: TEST_IDENTITY_SECRET });
    await new ProductIndexer({ catalog: catalogClient, embedder, index, logger, pollIntervalMs: 0 }).syncOnce();
    const app = await createRecommendationsServer({
      index,
      logger,
      identitySecret: TEST_IDENTITY_SECRET,
      catalogUrl: catalog.server.url,
      activityUrl: activity.server.url,
      roundTrips,
    });
    server = await listen(app, 0);
  }, MODEL_FETCH_TIMEOUT_MS);

  afterAll(async () => {
    await server?.close();
    await activity?.close();
    await catalog?.close();
    await embedder?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => roundTrips.reset());

  it('when similar products of a polo are asked, then it is never itself and not four colours of it, but other T-shirts', async () => {
    // when
    const result = await ask<{ _entities: Array<{ similar: Ids }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { similar(first: 5) { id } } } }`,
      { r: [{ __typename: 'Product', id: 'polo-blue' }] },
    );
    // then
    expect(result.errors).toBeUndefined();
    const similar = ids(result.data!._entities[0]!.similar);
    expect(similar).toHaveLength(5);
    expect(similar).not.toContain('polo-blue');
    expect(similar.filter((id) => id.startsWith('polo-')).length).toBeLessThanOrEqual(1);
    expect(similar.filter((id) => id.startsWith('polo-') || id.startsWith('tee-')).length).toBeGreaterThanOrEqual(4);
  });

  it('when a page shows similar products of 12 products, then the index is read once and unknown products get none', async () => {
    // given
    const representations = [...FIXTURE_PRODUCTS.slice(0, 11).map((product) => ({ __typename: 'Product', id: product.id })), { __typename: 'Product', id: 'not-indexed' }];
    // when
    const result = await ask<{ _entities: Array<{ id: string; similar: Ids }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id similar(first: 3) { id } } } }`,
      { r: representations },
    );
    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((entity) => entity.id)).toEqual(representations.map((representation) => representation.id));
    for (const entity of result.data!._entities.slice(0, 11)) {
      expect(entity.similar).toHaveLength(3);
      expect(ids(entity.similar)).not.toContain(entity.id);
    }
    expect(result.data!._entities[11]!.similar).toEqual([]);
    expect(roundTrips.of('index.fetch')).toBe(1);
    expect(roundTrips.of('index.query')).toBe(1);
  });

  it('when a shopper viewed watches and carted one, then the other watches are suggested with their reason, and never the carted one', async () => {
    // given
    const userId = `u-${randomUUID()}`;
    await activity.record(`user:${userId}`, [
      event('view', 'watch-titan'),
      event('view', 'watch-fossil'),
      event('add_to_cart', 'watch-titan', { sku: skuOf('watch-titan') }),
    ]);
    // when
    const result = await ask<{ recommendationsWithReasons: Array<{ product: { id: string }; reason: string; because: { id: string } | null }>; recommendations: Ids }>(
      `{ recommendationsWithReasons(first: 4) { product { id } reason because { id } } recommendations(first: 4) { id } }`,
      {},
      identities.shopper(userId),
    );
    // then
    expect(result.errors).toBeUndefined();
    const recommended = result.data!.recommendationsWithReasons;
    expect(recommended.map((item) => item.product.id)).not.toContain('watch-titan');
    expect(recommended.map((item) => item.product.id)).toEqual(expect.arrayContaining(['watch-fastrack', 'watch-fossil']));
    const fastrack = recommended.find((item) => item.product.id === 'watch-fastrack')!;
    expect(fastrack.reason).toBe('SIMILAR_TO_ACTIVITY');
    expect(['watch-titan', 'watch-fossil']).toContain(fastrack.because!.id);
    expect(ids(result.data!.recommendations)).toEqual(recommended.map((item) => item.product.id));
  });

  it('when a guest has no history, then the recommendations are what is trending', async () => {
    // given another guest made the wallet trend
    await activity.record(`guest:${randomUUID()}`, [
      ...Array.from({ length: 8 }, () => event('view', 'wallet-hidesign')),
      ...Array.from({ length: 6 }, () => event('view', 'bag-wildcraft')),
    ]);
    // when
    const result = await ask<{ recommendationsWithReasons: Array<{ product: { id: string }; reason: string }> }>(
      `{ recommendationsWithReasons(first: 3) { product { id } reason } }`,
    );
    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.recommendationsWithReasons.map((item) => item.product.id).slice(0, 2)).toEqual(['wallet-hidesign', 'bag-wildcraft']);
    expect(result.data!.recommendationsWithReasons.every((item) => item.reason === 'TRENDING')).toBe(true);
  });

  it('when a user is resolved by reference, then a service reads their recommendations and another shopper may not', async () => {
    const userId = `u-${randomUUID()}`;
    await activity.record(`user:${userId}`, [event('view', 'shoe-nike')]);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id recommended(first: 3) { id } } } }`;
    const asService = await ask<{ _entities: Array<{ id: string; recommended: Ids }> }>(query, { r: [{ __typename: 'User', id: userId }] }, identities.service('gateway'));
    const asStranger = await ask(query, { r: [{ __typename: 'User', id: userId }] }, identities.shopper('someone-else'));
    expect(asService.errors).toBeUndefined();
    expect(asService.data!._entities[0]!.id).toBe(userId);
    expect(ids(asService.data!._entities[0]!.recommended)).toContain('shoe-adidas');
    expect(asStranger.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('when the sidebar gives a product and a cart, then suggestions are near both and never them; a category keeps to it', async () => {
    // when
    const result = await ask<{ near: Ids; watches: Ids; empty: Ids }>(
      `query($cart: [ID!]) {
        near: contextualRecommendations(context: { productId: "shoe-nike", cartSkus: $cart }, first: 2) { id }
        watches: contextualRecommendations(context: { productId: "shoe-nike", category: "accessories.watches" }, first: 5) { id }
        empty: contextualRecommendations(context: {}, first: 2) { id }
      }`,
      { cart: [skuOf('shoe-adidas')] },
    );
    // then
    expect(result.errors).toBeUndefined();
    expect(ids(result.data!.near)).not.toEqual(expect.arrayContaining(['shoe-nike']));
    expect(ids(result.data!.near)).not.toContain('shoe-adidas');
    expect(ids(result.data!.near)).toContain('shoe-puma');
    expect(ids(result.data!.watches).sort()).toEqual(['watch-fastrack', 'watch-fossil', 'watch-titan']);
    expect(result.data!.empty).toHaveLength(2);
  });

  it('when other shoppers bought a watch with a wallet, then a shopper who viewed the watch is offered the wallet because of it, and one activity call reads every user of the batch', async () => {
    // given two shoppers bought the Titan watch and the Hidesign wallet in one order each, and a third viewed the watch
    const buyers = [`u-${randomUUID()}`, `u-${randomUUID()}`];
    const viewer = `u-${randomUUID()}`;
    for (const [n, buyer] of buyers.entries()) {
      const at = new Date(Date.now() - (n + 1) * 3_600_000).toISOString();
      await activity.record(`user:${buyer}`, [
        event('purchase', 'watch-titan', { sku: skuOf('watch-titan'), at }),
        event('purchase', 'wallet-hidesign', { sku: skuOf('wallet-hidesign'), at }),
      ]);
    }
    await activity.record(`user:${viewer}`, [event('view', 'watch-titan')]);
    roundTrips.reset();
    // when the gateway resolves the three users' recommendations in one batch
    const batch = await ask<{ _entities: Array<{ id: string; recommended: Ids }> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id recommended(first: 4) { id } } } }`,
      { r: [...buyers, viewer].map((id) => ({ __typename: 'User', id })) },
      identities.service('gateway'),
    );
    const withReasons = await ask<{ recommendationsWithReasons: Array<{ product: { id: string }; reason: string; because: { id: string } | null }> }>(
      `{ recommendationsWithReasons(first: 4) { product { id } reason because { id } } }`,
      {},
      identities.shopper(viewer),
    );
    // then
    expect(batch.errors).toBeUndefined();
    expect(roundTrips.of('activity.recentActivity')).toBe(2); // one for the batch of three, one for the second request
    expect(batch.data!._entities.map((entity) => entity.id)).toEqual([...buyers, viewer]);
    expect(ids(batch.data!._entities[2]!.recommended)).toContain('wallet-hidesign');
    expect(withReasons.errors).toBeUndefined();
    const wallet = withReasons.data!.recommendationsWithReasons.find((item) => item.product.id === 'wallet-hidesign');
    expect(wallet).toMatchObject({ reason: 'BOUGHT_WITH', because: { id: 'watch-titan' } });
  });

  it('when the sidebar asks for 50 around a product that is not indexed, then trending is asked for at most 50 and answers without errors', async () => {
    // when
    const result = await ask<{ contextualRecommendations: Ids }>(
      `{ contextualRecommendations(context: { productId: "not-indexed", cartSkus: ["no-such-sku"] }, first: 50) { id } }`,
    );
    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.contextualRecommendations.length).toBeGreaterThan(0);
    expect(result.data!.contextualRecommendations.length).toBeLessThanOrEqual(50);
    expect(ids(result.data!.contextualRecommendations)).not.toContain('not-indexed');
    expect(roundTrips.of('activity.trending')).toBe(1);
  });

  it('when input is out of bounds, then a BAD_USER_INPUT error names it', async () => {
    const tooMany = await ask(`{ recommendations(first: 51) { id } }`);
    const bigCart = await ask(`query($cart: [ID!]) { contextualRecommendations(context: { cartSkus: $cart }) { id } }`, {
      cart: Array.from({ length: 101 }, (_, i) => `sku-${i}`),
    });
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bigCart.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'context.cartSkus' });
  });

  it('when activity and catalog are down, then recommendations still answer without errors and similar still works', async () => {
    // given
    const app = await createRecommendationsServer({ index, logger, identitySecret: TEST_IDENTITY_SECRET, catalogUrl: UNREACHABLE, activityUrl: UNREACHABLE });
    const degraded = await listen(app, 0);
    try {
      // when
      const result = await ask<{ recommendations: Ids; contextualRecommendations: Ids; _entities: Array<{ similar: Ids }> }>(
        `query($r: [_Any!]!) {
          recommendations(first: 3) { id }
          contextualRecommendations(context: { productId: "watch-titan", cartSkus: ["x"] }, first: 2) { id }
          _entities(representations: $r) { ... on Product { similar(first: 2) { id } } }
        }`,
        { r: [{ __typename: 'Product', id: 'watch-titan' }] },
        identities.shopper(),
        degraded.url,
      );
      // then
      expect(result.errors).toBeUndefined();
      expect(result.data!.recommendations).toEqual([]);
      expect(ids(result.data!.contextualRecommendations)).toHaveLength(2);
      expect(ids(result.data!._entities[0]!.similar)).toHaveLength(2);
    } finally {
      await degraded.close();
    }
  });

  it('when a request carries no signed identity, then it gets 401', async () => {
    const result = await callGraphQL(server.url, '{ recommendations { id } }', {}, { identity: null });
    expect(result.status).toBe(401);
  });
});
