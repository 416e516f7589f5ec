/**
 * `similar` at scale on the local vector index (a command, not a test): builds an index of
 * --rows product vectors (384 dimensions) from clustered vectors, partitions it (IVF) as the
 * service does, and reports the latency of `similar(first: 4)` and `similar(first: 8)` through
 * the use case the resolver calls, and recall@10 of the nearest-neighbour search against exact
 * search on the same vectors. Every figure is the median over --runs runs of that run's p50 / p99.
 *
 *   npm run bench:similar -- [--rows 100000] [--data mixture|fashion] [--product-spread 0.6] [--runs 5] [--samples 400] [--nprobe 8,default,24]
 *
 * --data mixture (default): a two-level Gaussian mixture (300 topics × 20 families, see
 *   src/evaluation/clustered-vectors.ts), with the cosine structure of real product embeddings.
 * --data fashion: the real all-MiniLM-L6-v2 vectors of ../shared/data/fashion-catalog-5k.jsonl
 *   (embedded once, cached) and perturbed copies of them up to --rows.
 * Wall-clock times include waiting for a core on a shared machine; CPU times do not.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalVectorIndex } from '../subgraphs/recommendations/src/data-access/local-vector-index';
import type { VectorRecord } from '../subgraphs/recommendations/src/data-access/vector-index';
import { textHash } from '../subgraphs/recommendations/src/domain/product-text';
import { LocalEmbedder } from '../subgraphs/recommendations/src/embeddings/local-embedder';
import { defaultModelCacheDir, LOCAL_MODEL } from '../subgraphs/recommendations/src/embeddings/model-cache';
import { clusteredVectors } from '../subgraphs/recommendations/src/evaluation/clustered-vectors';
import { mulberry32 } from '../subgraphs/recommendations/src/evaluation/offline-metrics';
import { similarProducts } from '../subgraphs/recommendations/src/use-cases/similar-products';

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const ROWS = Number(option('rows', '100000'));
const DATA = option('data', 'mixture');
const RUNS = Number(option('runs', '5'));
const SAMPLES = Number(option('samples', '400'));
const NPROBES = option('nprobe', 'default').split(',').map((value) => (value === 'default' ? undefined : Number(value)));
const EXACT_SAMPLES = Number(option('exact-samples', '60'));
/** Distance of products from their family in the mixture (0.6: cosine ≈ 0.75 within a family); larger is harder. */
const PRODUCT_SPREAD = Number(option('product-spread', '0.6'));
const DIMENSION = 384;
const FASHION = join(__dirname, '..', '..', 'shared', 'data', 'fashion-catalog-5k.jsonl');
const BRANDS = ['Acme', 'Nike', 'Puma', 'Adidas', 'Titan', 'Fossil', 'Levis', 'Roadster', 'Baggit', 'Wildcraft'];

const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;

/** The vector of product n, and its topic (for metadata). */
type Source = (n: number) => { vector: Float32Array; topic: number };

async function fashionSource(): Promise<Source> {
  if (!existsSync(FASHION)) throw new Error(`${FASHION} is absent: use --data mixture`);
  const rows = readFileSync(FASHION, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, string>);
  const texts = rows.map((row) => `${row.name}. ${row.category_path}. Brand: ${row.brand}`);
  const embedderId = `local:${LOCAL_MODEL.name}`;
  const cache = LocalVectorIndex.open({ dir: join(defaultModelCacheDir(), '..', 'eval-vectors'), dimension: LOCAL_MODEL.dimension, saveIntervalMs: Infinity, ivfMinRows: Infinity });
  const hashes = texts.map((text) => textHash(text, embedderId));
  const known = await cache.fetch(hashes);
  const missing = hashes.flatMap((hash, i) => (known.has(hash) ? [] : [i]));
  // The model starts only when some text was never embedded (the evaluation caches the same texts).
  if (missing.length > 0) {
    const embedder = await LocalEmbedder.create();
    try {
      for (let start = 0; start < missing.length; start += 500) {
        const batch = missing.slice(start, start + 500);
        const vectors = await embedder.embed(batch.map((i) => texts[i]!));
        const records = batch.map((i, j) => ({ id: hashes[i]!, vector: vectors[j]!, metadata: { name: '', brand: '', categories: [], articleType: '', colour: '', textHash: hashes[i]! } }));
        await cache.upsert(records);
        records.forEach((record) => known.set(record.id, record));
        log(`  embedded ${Math.min(start + 500, missing.length)} / ${missing.length} fashion texts`);
      }
    } finally {
      await embedder.close();
    }
  }
  await cache.close();
  const base = hashes.map((hash) => known.get(hash)!.vector);
  const types = [...new Set(rows.map((row) => row.article_type))];
  return (n) => {
    const source = base[n % base.length]!;
    if (n < base.length) return { vector: source, topic: types.indexOf(rows[n]!.article_type!) };
    const random = mulberry32(n);
    const vector = Float32Array.from(source, (value) => value + (random() - 0.5) * 0.04);
    let norm = 0;
    for (const value of vector) norm += value * value;
    for (let d = 0; d < vector.length; d += 1) vector[d]! /= Math.sqrt(norm);
    return { vector, topic: types.indexOf(rows[n % base.length]!.article_type!) };
  };
}

function mixtureSource(): Source {
  const mixture = clusteredVectors({ dimension: DIMENSION, productSpread: PRODUCT_SPREAD });
  return (n) => ({ vector: mixture.vector(n), topic: mixture.topicOf(n) });
}

function record(n: number, source: Source): VectorRecord {
  const { vector, topic } = source(n);
  const id = `p${n}`;
  return { id, vector, metadata: { name: `Product ${n}`, brand: BRANDS[n % BRANDS.length]!, categories: [`c${topic % 12}`, `t${topic}`], articleType: `t${topic}`, colour: '', textHash: id } };
}

interface RunFigures {
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
}

/** One run: `similar(first)` of each anchor in turn, as the resolver's loader calls it. */
async function timeSimilar(index: LocalVectorIndex, anchors: string[], first: number): Promise<RunFigures> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const productId of anchors) {
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const [ids] = await similarProducts(index, [{ productId, first }]);
    const used = process.cpuUsage(cpuStarted);
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    cpu.push((used.user + used.system) / 1000);
    if (ids!.length !== first) throw new Error(`similar(${productId}) gave ${ids!.length} products`);
  }
  return { p50: percentile(wall, 50), p99: percentile(wall, 99), cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99) };
}

async function recallAt10(ann: LocalVectorIndex, exact: LocalVectorIndex, anchors: string[]): Promise<number> {
  const vectors = await exact.fetch(anchors);
  const queries = anchors.map((id) => ({ vector: vectors.get(id)!.vector, topK: 10, excludeIds: [id] }));
  const truth = await exact.query(queries);
  const found = await ann.query(queries);
  let hits = 0;
  truth.forEach((matches, q) => {
    const got = new Set(found[q]!.map((match) => match.id));
    hits += matches.filter((match) => got.has(match.id)).length;
  });
  return hits / (anchors.length * 10);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'recs-similar-bench-'));
  try {
    log(`# similar() on the local index: ${ROWS.toLocaleString('en')} products, ${DATA === 'fashion' ? 'fashion' : `mixture (product spread ${PRODUCT_SPREAD})`} vectors, ${DIMENSION} dimensions`);
    log(`(${cpus().length} cores, load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} at the start)`);
    const source = DATA === 'fashion' ? await fashionSource() : mixtureSource();
    const exact = LocalVectorIndex.open({ dir: join(dir, 'exact'), dimension: DIMENSION, ivfMinRows: Infinity, saveIntervalMs: Infinity });
    const ann = LocalVectorIndex.open({ dir: join(dir, 'ann'), dimension: DIMENSION, saveIntervalMs: Infinity });
    let started = Date.now();
    for (let start = 0; start < ROWS; start += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, ROWS - start) }, (_, i) => record(start + i, source));
      await exact.upsert(batch);
      await ann.upsert(batch);
    }
    log(`vectors generated and loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    const cpuStarted = process.cpuUsage();
    await ann.optimize();
    const buildSec = (Date.now() - started) / 1000;
    const buildCpuSec = process.cpuUsage(cpuStarted).user / 1e6;
    log(`IVF partition built in ${buildSec.toFixed(1)} s (${buildCpuSec.toFixed(1)} s of CPU): ${ann.nlist} lists (k-means), default nprobe ${ann.nprobe}`);

    const random = mulberry32(7);
    const anchors = Array.from({ length: SAMPLES }, () => `p${Math.floor(random() * ROWS)}`);
    log('\n| index | nprobe | recall@10 vs exact | similar(first: 4) p50 / p99 | CPU p50 / p99 | similar(first: 8) p50 / p99 | CPU p50 / p99 |');
    log('|---|---:|---:|---:|---:|---:|---:|');
    for (const nprobe of NPROBES) {
      ann.setNprobe(nprobe);
      const recall = await recallAt10(ann, exact, anchors);
      const runs: Record<4 | 8, RunFigures[]> = { 4: [], 8: [] };
      await timeSimilar(ann, anchors.slice(0, 50), 8); // warm-up
      for (let run = 0; run < RUNS; run += 1) {
        const order = [...anchors].sort(() => random() - 0.5);
        runs[4].push(await timeSimilar(ann, order, 4));
        runs[8].push(await timeSimilar(ann, order, 8));
      }
      const cell = (figures: RunFigures[], wall: boolean) =>
        wall
          ? `${ms(median(figures.map((f) => f.p50)))} / ${ms(median(figures.map((f) => f.p99)))}`
          : `${ms(median(figures.map((f) => f.cpuP50)))} / ${ms(median(figures.map((f) => f.cpuP99)))}`;
      log(`| IVF | ${ann.nprobe} of ${ann.nlist} | ${(recall * 100).toFixed(1)}% | ${cell(runs[4], true)} | ${cell(runs[4], false)} | ${cell(runs[8], true)} | ${cell(runs[8], false)} |`);
    }
    ann.setNprobe(undefined);
    const exactRun = await timeSimilar(exact, anchors.slice(0, EXACT_SAMPLES), 8);
    log(`| exact scan (${EXACT_SAMPLES} requests, 1 run) | – | 100% | – | – | ${ms(exactRun.p50)} / ${ms(exactRun.p99)} | ${ms(exactRun.cpuP50)} / ${ms(exactRun.cpuP99)} |`);

    started = Date.now();
    ann.flush();
    const saveSec = (Date.now() - started) / 1000;
    started = Date.now();
    const reopened = LocalVectorIndex.open({ dir: join(dir, 'ann'), dimension: DIMENSION, saveIntervalMs: Infinity });
    const openSec = (Date.now() - started) / 1000;
    const reopenedRecall = await recallAt10(reopened, exact, anchors);
    log(`\nsaved in ${saveSec.toFixed(1)} s, reopened in ${openSec.toFixed(1)} s with its partition (approximate: ${reopened.approximate}, recall@10 ${(reopenedRecall * 100).toFixed(1)}%, no rebuild)`);
    log(`(load average ${loadavg().map((value) => value.toFixed(1)).join(' / ')} at the end)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
