/**
 * Offline evaluation of the recommendations subgraph's methods on real data (a command, not a test):
 *   npx tsx bench/recommendations-eval.ts [--fashion-queries N] [--customers N] [--seed N] [--skip-fashion] [--indexer-text-only] [--skip-retail] [--skip-latency] [--rows N]
 * Vectors are cached by text hash under ~/.cache/shop-supergraph/eval-vectors: reruns embed only new texts.
 * 1. "similar" on the 5k fashion catalog: share of the top 10 with the product's article type,
 *    local embedder vs a bag-of-words (TF-IDF) baseline, with the product text the indexer builds
 *    and with name + description only (no category words to lean on).
 * 2. Personal recommendations on the online-retail baskets: hold out each customer's last basket,
 *    recommend from the earlier ones, hit-rate@10 and NDCG@10 against random, popularity,
 *    buy-again and item-to-item co-purchase baselines; options are tuned on half the customers and
 *    reported on the other half. Also `similar` with co-purchase as truth.
 * 3. `similar` latency on the local index at 100,000 products, exact and IVF (with its recall@10).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalVectorIndex } from '../subgraphs/recommendations/src/data-access/local-vector-index';
import type { VectorMatch } from '../subgraphs/recommendations/src/data-access/vector-index';
import { diversify } from '../subgraphs/recommendations/src/domain/diversify';
import { pickSimilar } from '../subgraphs/recommendations/src/domain/similar';
import { productMetadata, productText, textHash, type IndexableProduct } from '../subgraphs/recommendations/src/domain/product-text';
import { CoPurchaseCounts } from '../subgraphs/recommendations/src/domain/co-purchase';
import { buildProfile, DEFAULT_HALF_LIFE_DAYS, type ShopperEvent } from '../subgraphs/recommendations/src/domain/profile';
import { DEFAULT_RANK_OPTIONS, rankForShopper, type RankOptions } from '../subgraphs/recommendations/src/domain/rank';
import { LocalEmbedder } from '../subgraphs/recommendations/src/embeddings/local-embedder';
import { defaultModelCacheDir } from '../subgraphs/recommendations/src/embeddings/model-cache';
import { loadBaskets, type Basket } from '../subgraphs/recommendations/src/evaluation/retail-baskets';
import { measureSimilarLatency } from '../subgraphs/recommendations/src/evaluation/similar-latency';
import { bagOfWordsNeighbours, hitAndNdcg, mulberry32, type Metrics } from '../subgraphs/recommendations/src/evaluation/offline-metrics';

const DATA = join(__dirname, '..', '..', 'shared', 'data');
const FASHION = join(DATA, 'fashion-catalog-5k.jsonl');
const RETAIL = join(DATA, 'online-retail-2010-12_2011-08.csv.gz');
const K = 10;

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const log = (line: string) => process.stdout.write(`${line}\n`);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Vectors of earlier runs, by text hash, so that a rerun embeds only new texts. */
async function embedCached(embedder: LocalEmbedder, texts: string[]): Promise<Float32Array[]> {
  const cache = LocalVectorIndex.open({ dir: join(defaultModelCacheDir(), '..', 'eval-vectors'), dimension: embedder.dimension, saveIntervalMs: Infinity });
  const hashes = texts.map((text) => textHash(text, embedder.id));
  const known = await cache.fetch(hashes);
  const missing = [...new Set(hashes.filter((hash) => !known.has(hash)))];
  const textOf = new Map(hashes.map((hash, i) => [hash, texts[i]!]));
  for (let start = 0; start < missing.length; start += 500) {
    const batch = missing.slice(start, start + 500);
    const vectors = await embedder.embed(batch.map((hash) => textOf.get(hash)!));
    const records = batch.map((hash, i) => ({ id: hash, vector: vectors[i]!, metadata: { name: '', brand: '', categories: [], articleType: '', colour: '', textHash: hash } }));
    await cache.upsert(records);
    records.forEach((record) => known.set(record.id, record));
    log(`  embedded ${Math.min(start + 500, missing.length)} / ${missing.length} new texts`);
  }
  await cache.close();
  return hashes.map((hash) => known.get(hash)!.vector);
}

async function buildIndex(embedder: LocalEmbedder, items: Array<{ product: IndexableProduct; text: string }>, dir: string) {
  const started = Date.now();
  const vectors = await embedCached(embedder, items.map((item) => item.text));
  const index = LocalVectorIndex.open({ dir, dimension: embedder.dimension, saveIntervalMs: Infinity });
  await index.upsert(
    items.map((item, i) => ({ id: item.product.id, vector: vectors[i]!, metadata: productMetadata(item.product, textHash(item.text, embedder.id)) })),
  );
  log(`  ${items.length} product vectors ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { index, vectors };
}

async function neighboursOf(index: LocalVectorIndex, ids: string[], vectors: Map<string, Float32Array>, topK: number) {
  const result = new Map<string, VectorMatch[]>();
  for (let start = 0; start < ids.length; start += 256) {
    const batch = ids.slice(start, start + 256);
    const answers = await index.query(batch.map((id) => ({ vector: vectors.get(id)!, topK, excludeIds: [id] })));
    batch.forEach((id, i) => result.set(id, answers[i]!));
  }
  return result;
}

async function fashion(embedder: LocalEmbedder, queriesWanted: number, seed: number) {
  if (!existsSync(FASHION)) return log(`skipped: ${FASHION} is absent`);
  const rows = readFileSync(FASHION, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  const products = rows.map((row): IndexableProduct & { articleType: string } => ({
    id: String(row.id),
    name: String(row.name),
    brand: String(row.brand ?? ''),
    description: String(row.description ?? ''),
    categoryPath: String(row.category_path ?? '').split(' > ').filter(Boolean),
    categoryKeys: [],
    attributes: [
      ...Object.entries((row.attributes as Record<string, string> | null) ?? {}).map(([name, value]) => ({ name, value: String(value) })),
      { name: 'Gender', value: String(row.gender ?? '') },
      { name: 'Colour', value: String(row.base_colour ?? '') },
    ],
    articleType: String(row.article_type),
  }));
  const typeOf = new Map(products.map((product) => [product.id, product.articleType]));
  const random = mulberry32(seed);
  const queries = [...products].sort(() => random() - 0.5).slice(0, Math.min(queriesWanted, products.length)).map((product) => product.id);
  log(`\n## Similar items on the fashion catalog (${products.length} products, ${queries.length} query products, precision = share of top ${K} with the same article type)`);
  const table: Array<[string, number]> = [];
  const precisionOf = (lists: Map<string, string[]>) =>
    queries.reduce((sum, id) => sum + (lists.get(id) ?? []).filter((other) => typeOf.get(other) === typeOf.get(id)).length / K, 0) / queries.length;
  const variants = process.argv.includes('--indexer-text-only') ? (['indexer text'] as const) : (['indexer text', 'name + description only'] as const);
  for (const variant of variants) {
    const texts = products.map((product) =>
      variant === 'indexer text' ? productText(product) : `${product.name}. ${product.description.replace(/\s+/g, ' ').slice(0, 600)}`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'recs-eval-'));
    try {
      const { index, vectors } = await buildIndex(embedder, products.map((product, i) => ({ product, text: texts[i]! })), dir);
      const byId = new Map(products.map((product, i) => [product.id, vectors[i]!]));
      const neighbours = await neighboursOf(index, queries, byId, 4 * K + 10);
      const knn = new Map(queries.map((id) => [id, neighbours.get(id)!.slice(0, K).map((match) => match.id)]));
      const anchors = await index.fetch(queries);
      const similar = new Map(queries.map((id) => [id, pickSimilar(anchors.get(id)!, neighbours.get(id)!, K).map((c) => c.id)]));
      const variedOnly = new Map(queries.map((id) => [id, diversify(neighbours.get(id)!, K, [anchors.get(id)!]).map((c) => c.id)]));
      const bow = bagOfWordsNeighbours(products.map((product, i) => ({ id: product.id, text: texts[i]! })), queries, K);
      table.push([`local embedder, nearest 10 (${variant})`, precisionOf(knn)]);
      table.push([`local embedder, variety only, no category preference (${variant})`, precisionOf(variedOnly)]);
      table.push([`local embedder, similar() as served: same category first, varied (${variant})`, precisionOf(similar)]);
      table.push([`bag of words TF-IDF, nearest 10 (${variant})`, precisionOf(bow)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  log('| method | precision@10 (same article type) |\n|---|---|');
  for (const [name, value] of table) log(`| ${name} | ${pct(value)} |`);
}

async function retail(embedder: LocalEmbedder, customersWanted: number, seed: number) {
  if (!existsSync(RETAIL)) return log(`skipped: ${RETAIL} is absent`);
  const { label, customers: all } = loadBaskets(RETAIL);
  const random = mulberry32(seed);
  const customers = [...all].sort(() => random() - 0.5).slice(0, Math.min(customersWanted, all.length));
  const tune = customers.filter((_, i) => i % 2 === 0);
  const report = customers.filter((_, i) => i % 2 === 1);
  // Training data: every basket except the held-out last ones of the evaluated customers.
  const heldOut = new Set(customers.map((customer) => customer.baskets[customer.baskets.length - 1]!.invoice));
  const training = all.flatMap((customer) => customer.baskets.filter((basket) => !heldOut.has(basket.invoice)));
  const basketCount = new Map<string, number>();
  const cooc = new Map<string, Map<string, number>>();
  // What the service learns from purchase events: every training basket counted once.
  const coPurchases = new CoPurchaseCounts();
  for (const basket of training) {
    const codes = basket.items.map((item) => item.code);
    coPurchases.add(codes);
    for (const code of codes) basketCount.set(code, (basketCount.get(code) ?? 0) + 1);
    if (codes.length > 60) continue; // wholesale orders say little about what goes together
    for (const a of codes) {
      const row = cooc.get(a) ?? new Map<string, number>();
      for (const b of codes) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
      cooc.set(a, row);
    }
  }
  const popularity = [...basketCount].sort((a, b) => b[1] - a[1]).map(([code]) => code);
  const items = [...label.keys()];
  log(`\n## Personal recommendations on online-retail baskets (${customers.length} customers with 2+ baskets, ${items.length} products; tuned on ${tune.length}, reported on ${report.length})`);
  const dir = mkdtempSync(join(tmpdir(), 'recs-eval-'));
  try {
    const products = items.map((code) => ({
      product: { id: code, name: label.get(code)!, brand: '', description: '', categoryPath: [], categoryKeys: [], attributes: [] },
      text: label.get(code)!.toLowerCase(),
    }));
    const { index, vectors } = await buildIndex(embedder, products, dir);
    const byId = new Map(items.map((code, i) => [code, vectors[i]!]));
    const started = Date.now();
    const neighbours = await neighboursOf(index, items, byId, 30);
    log(`  nearest 30 of every product in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    type Recommender = (history: Basket[], now: Date) => string[];
    const fill = (list: string[], exclude: Set<string> = new Set()) => {
      const seen = new Set(list);
      for (const code of popularity) {
        if (list.length >= K) break;
        if (!seen.has(code) && !exclude.has(code)) list.push(code);
      }
      return list.slice(0, K);
    };
    const eventsOf = (history: Basket[]): ShopperEvent[] =>
      history.flatMap((basket) => basket.items.map((item) => ({ type: 'purchase', productId: item.code, sku: null, quantity: item.quantity, at: basket.at }))).slice(-200);
    const relatedCache = new Map<string, Array<{ id: string; score: number }>>();
    const relatedOf = (id: string) => {
      let related = relatedCache.get(id);
      if (!related) relatedCache.set(id, (related = coPurchases.related(id, 30)));
      return related;
    };
    const ours = (options: RankOptions & { halfLifeDays?: number }): Recommender => (history, now) => {
      const profile = buildProfile(eventsOf(history), now, { halfLifeDays: options.halfLifeDays });
      // As the service: 60 interests for rebuys and co-purchases, neighbours in meaning of the first 20.
      const interests = profile.interests.slice(0, 60);
      const byMeaning = new Map(interests.slice(0, 20).map((interest) => [interest.productId, neighbours.get(interest.productId) ?? []]));
      const coPurchased = new Map(interests.map((interest) => [interest.productId, relatedOf(interest.productId)]));
      const ranked = rankForShopper(
        { interests, neighbours: byMeaning, coPurchased, popular: popularity.slice(0, 50), purchased: profile.purchased, exclude: new Set() },
        options,
      );
      return fill(ranked.slice(0, K).map((item) => item.id), (options.rebuyWeight ?? 1) === 0 ? profile.purchased : new Set());
    };
    const baselines: Array<[string, Recommender]> = [
      ['random', () => Array.from({ length: K }, () => items[Math.floor(random() * items.length)]!)],
      ['popularity', () => popularity.slice(0, K)],
      ['popularity, not bought before', (history) => fill([], new Set(history.flatMap((b) => b.items.map((i) => i.code))))],
      [
        'buy again (frequency × recency), then popularity',
        (history, now) => {
          const profile = buildProfile(eventsOf(history), now, { halfLifeDays: 60 });
          return fill(profile.interests.slice(0, K).map((interest) => interest.productId));
        },
      ],
      [
        'item-to-item co-purchase',
        (history) => {
          const bought = new Set(history.flatMap((b) => b.items.map((i) => i.code)));
          const scores = new Map<string, number>();
          for (const code of bought) {
            for (const [other, count] of cooc.get(code) ?? []) {
              if (bought.has(other)) continue;
              scores.set(other, (scores.get(other) ?? 0) + count / Math.sqrt((basketCount.get(code) ?? 1) * (basketCount.get(other) ?? 1)));
            }
          }
          return fill([...scores].sort((a, b) => b[1] - a[1]).slice(0, K).map(([code]) => code), bought);
        },
      ],
    ];
    const evaluate = (recommend: Recommender, group: typeof customers): Metrics => {
      let hits = 0;
      let ndcg = 0;
      for (const customer of group) {
        const last = customer.baskets[customer.baskets.length - 1]!;
        const result = hitAndNdcg(recommend(customer.baskets.slice(0, -1), last.at), new Set(last.items.map((item) => item.code)), K);
        hits += result.hit;
        ndcg += result.ndcg;
      }
      return { hitRate: hits / group.length, ndcg: ndcg / group.length };
    };

    const grid: Array<RankOptions & { halfLifeDays: number }> = [];
    // Similarity cubed (sharpen 3) won every earlier grid; kept fixed to keep the grid small.
    for (const rebuyWeight of [0, 2, 4, 8])
      for (const popularityWeight of [0.05, 0.2])
        for (const coPurchaseWeight of [0, 0.5, 1, 2, 4])
          for (const halfLifeDays of [60, 180]) grid.push({ rebuyWeight, popularityWeight, coPurchaseWeight, sharpen: 3, halfLifeDays });
    const tuned = grid
      .map((options) => ({ options, metrics: evaluate(ours(options), tune) }))
      .sort((a, b) => b.metrics.ndcg - a.metrics.ndcg);
    const best = tuned[0]!.options;
    const noRebuy = tuned.find((entry) => entry.options.rebuyWeight === 0)!.options;
    const noCoPurchase = tuned.find((entry) => entry.options.coPurchaseWeight === 0)!.options;
    const describe = (o: RankOptions & { halfLifeDays: number }) =>
      `rebuy ${o.rebuyWeight}, co-purchase ${o.coPurchaseWeight}, popularity ${o.popularityWeight}, sharpen ${o.sharpen}, half-life ${o.halfLifeDays} d`;
    log(`  best on the tuning half: ${describe(best)}; best without rebuys: ${describe(noRebuy)}; best without co-purchase: ${describe(noCoPurchase)}`);
    for (const entry of tuned.slice(0, 5)) log(`    tuning half: ${describe(entry.options)} → hit ${pct(entry.metrics.hitRate)}, NDCG ${entry.metrics.ndcg.toFixed(4)}`);

    const rows: Array<[string, Metrics]> = baselines.map(([name, recommend]) => [name, evaluate(recommend, report)]);
    rows.push([`ours: profile × (embeddings + co-purchase) + popularity + rebuys (${describe(best)})`, evaluate(ours(best), report)]);
    rows.push([`ours without rebuys (${describe(noRebuy)})`, evaluate(ours(noRebuy), report)]);
    rows.push([`ours without co-purchase (${describe(noCoPurchase)})`, evaluate(ours(noCoPurchase), report)]);
    rows.push([`ours, defaults of the service (${describe({ ...DEFAULT_RANK_OPTIONS, halfLifeDays: DEFAULT_HALF_LIFE_DAYS })})`, evaluate(ours({ halfLifeDays: DEFAULT_HALF_LIFE_DAYS }), report)]);
    log(`| method (reported half, ${report.length} customers) | hit-rate@10 | NDCG@10 |\n|---|---|---|`);
    for (const [name, metrics] of rows) log(`| ${name} | ${pct(metrics.hitRate)} | ${metrics.ndcg.toFixed(4)} |`);

    // similar(): from the first product of a held-out basket, how many of the top 10 are in the rest of it.
    const anchors = report.map((customer) => customer.baskets[customer.baskets.length - 1]!).filter((basket) => basket.items.length >= 2);
    const similarRows: Array<[string, Metrics]> = [];
    const judge = (pick: (anchor: string) => string[]): Metrics => {
      let hits = 0;
      let ndcg = 0;
      for (const basket of anchors) {
        const [anchor, ...rest] = basket.items.map((item) => item.code);
        const result = hitAndNdcg(pick(anchor!), new Set(rest), K);
        hits += result.hit;
        ndcg += result.ndcg;
      }
      return { hitRate: hits / anchors.length, ndcg: ndcg / anchors.length };
    };
    const anchorRecords = await index.fetch(items);
    similarRows.push(['similar() as served (embeddings, varied)', judge((anchor) => pickSimilar(anchorRecords.get(anchor)!, neighbours.get(anchor) ?? [], K).map((c) => c.id))]);
    similarRows.push(['nearest 10 by embeddings', judge((anchor) => (neighbours.get(anchor) ?? []).slice(0, K).map((m) => m.id))]);
    similarRows.push(['item-to-item co-purchase', judge((anchor) => [...(cooc.get(anchor) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, K).map(([code]) => code))]);
    similarRows.push(['popularity', judge((anchor) => popularity.filter((code) => code !== anchor).slice(0, K))]);
    log(`\n## Similar items with co-purchase as truth (${anchors.length} held-out baskets: first product → the rest of the basket)`);
    log('| method | hit-rate@10 | NDCG@10 |\n|---|---|---|');
    for (const [name, metrics] of similarRows) log(`| ${name} | ${pct(metrics.hitRate)} | ${metrics.ndcg.toFixed(4)} |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function latency(embedder: LocalEmbedder, rows: number, samples: number) {
  if (!existsSync(FASHION)) return log(`skipped: ${FASHION} is absent`);
  const products = readFileSync(FASHION, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
  const base = await embedCached(embedder, products.map((row) => `${row.name}. ${row.category_path}. Brand: ${row.brand}`));
  log(`\n## similar() latency on the local index (${rows} products from the fashion vectors plus noise, ${samples} requests of similar(first: 8), one at a time)`);
  const report = await measureSimilarLatency(base, rows, samples);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  log(`(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores: wall-clock times include waiting for a core; CPU times do not)`);
  log('| index | p50 | p99 | CPU p50 | CPU p99 | recall@10 vs exact |\n|---|---|---|---|---|---|');
  for (const [name, timing, recall] of [
    ['exact scan', report.exact, '100%'],
    ['IVF (built by optimize() above 50k rows)', report.ivf, pct(report.ivf.recallAt10)],
  ] as const) {
    log(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p99)} | ${ms(timing.cpuP50)} | ${ms(timing.cpuP99)} | ${recall} |`);
  }
}

async function main() {
  const started = Date.now();
  const embedder = await LocalEmbedder.create();
  try {
    if (!process.argv.includes('--skip-fashion')) await fashion(embedder, arg('fashion-queries', 1000), arg('seed', 7));
    if (!process.argv.includes('--skip-retail')) await retail(embedder, arg('customers', 5000), arg('seed', 7));
    if (!process.argv.includes('--skip-latency')) await latency(embedder, arg('rows', 100_000), arg('samples', 300));
  } finally {
    await embedder.close();
  }
  log(`\n(total ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
