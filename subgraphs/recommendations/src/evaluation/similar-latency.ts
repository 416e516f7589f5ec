import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalVectorIndex } from '../data-access/local-vector-index';
import { similarProducts } from '../use-cases/similar-products';
import { mulberry32 } from './offline-metrics';

/** Wall-clock and CPU milliseconds of one request; CPU time shows the cost on a busy machine. */
export interface Timing {
  p50: number;
  p99: number;
  cpuP50: number;
  cpuP99: number;
}

export interface LatencyReport {
  rows: number;
  exact: Timing;
  ivf: Timing & { recallAt10: number };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

/**
 * `similar` latency at `rows` products: real product vectors repeated with noise (so the space
 * keeps the clusters of real embeddings), one `similar(first: 8)` per request, timed end to end
 * through the use case; then the same after the IVF partition is built, with its recall@10
 * against exact search.
 */
export async function measureSimilarLatency(base: readonly Float32Array[], rows: number, samples: number, seed = 7): Promise<LatencyReport> {
  const random = mulberry32(seed);
  const dimension = base[0]!.length;
  const dir = mkdtempSync(join(tmpdir(), 'recs-latency-'));
  try {
    const index = LocalVectorIndex.open({ dir, dimension, ivfMinRows: 0, saveIntervalMs: Infinity });
    const brands = ['Acme', 'Nike', 'Puma', 'Adidas', 'Titan', 'Fossil', 'Levis', 'Roadster'];
    for (let start = 0; start < rows; start += 10_000) {
      const batch = Array.from({ length: Math.min(10_000, rows - start) }, (_, i) => {
        const source = base[(start + i) % base.length]!;
        const vector = new Float32Array(dimension);
        let norm = 0;
        for (let d = 0; d < dimension; d += 1) {
          vector[d] = source[d]! + (random() - 0.5) * 0.08;
          norm += vector[d]! * vector[d]!;
        }
        for (let d = 0; d < dimension; d += 1) vector[d]! /= Math.sqrt(norm);
        const id = `p${start + i}`;
        return { id, vector, metadata: { name: id, brand: brands[(start + i) % brands.length]!, categories: [], articleType: `t${(start + i) % 40}`, colour: '', textHash: id } };
      });
      await index.upsert(batch);
    }
    const anchors = Array.from({ length: samples }, () => `p${Math.floor(random() * rows)}`);
    const time = async (): Promise<Timing> => {
      const durations: number[] = [];
      const cpu: number[] = [];
      for (const productId of anchors) {
        const started = process.hrtime.bigint();
        const cpuStarted = process.cpuUsage();
        await similarProducts(index, [{ productId, first: 8 }]);
        const used = process.cpuUsage(cpuStarted);
        durations.push(Number(process.hrtime.bigint() - started) / 1e6);
        cpu.push((used.user + used.system) / 1000);
      }
      return { p50: percentile(durations, 50), p99: percentile(durations, 99), cpuP50: percentile(cpu, 50), cpuP99: percentile(cpu, 99) };
    };
    const nearest = async () => {
      const vectors = await index.fetch(anchors);
      return index.query(anchors.map((id) => ({ vector: vectors.get(id)!.vector, topK: 10, excludeIds: [id] })));
    };
    const exact = await time();
    const truth = await nearest();
    await index.optimize();
    const ivf = await time();
    const found = await nearest();
    let hits = 0;
    truth.forEach((matches, q) => {
      const got = new Set(found[q]!.map((match) => match.id));
      hits += matches.filter((match) => got.has(match.id)).length;
    });
    return { rows, exact, ivf: { ...ivf, recallAt10: hits / (truth.length * 10) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
