import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@shop/platform';
import type { Embedder } from './embedder';
import { ensureLocalModel, LOCAL_MODEL } from './model-cache';
import { WordPieceTokenizer } from './wordpiece-tokenizer';

export interface LocalEmbedderOptions {
  cacheDir?: string;
  logger?: Logger;
  batchSize?: number;
  /** Threads onnxruntime may use inside one inference. */
  threads?: number;
}

interface WorkerAnswer {
  id: number;
  vectors?: Float32Array;
  error?: string;
}

/**
 * all-MiniLM-L6-v2 run by onnxruntime on the CPU in a worker thread: WordPiece ids → last
 * hidden state → mean over real tokens (attention mask) → L2-normalized 384-dimensional vector.
 * Mean pooling divides by the real token count, so (mean before normalizing) padding changes nothing.
 */
export class LocalEmbedder implements Embedder {
  readonly id = `local:${LOCAL_MODEL.name}`;
  readonly dimension = LOCAL_MODEL.dimension;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (vectors: Float32Array) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly worker: Worker,
    readonly tokenizer: WordPieceTokenizer,
    private readonly batchSize: number,
  ) {
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.vectors) waiting.resolve(answer.vectors);
      else waiting.reject(new Error(`embedding failed: ${answer.error ?? 'no answer'}`));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`embedding worker exited with code ${code}`)));
    worker.unref();
  }

  static async create(options: LocalEmbedderOptions = {}): Promise<LocalEmbedder> {
    const files = await ensureLocalModel({ cacheDir: options.cacheDir, logger: options.logger });
    const worker = new Worker(join(__dirname, 'onnx-worker.js'), {
      workerData: { modelPath: files.modelPath, threads: options.threads ?? 2 },
    });
    return new LocalEmbedder(worker, WordPieceTokenizer.fromFile(files.tokenizerPath), options.batchSize ?? 32);
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const encoded = texts.map((text) => this.tokenizer.encode(text).ids);
    // Batching texts of similar length keeps padding (wasted work) small.
    const order = encoded.map((_, index) => index).sort((a, b) => encoded[a]!.length - encoded[b]!.length);
    const vectors = new Array<Float32Array>(texts.length);
    const batches: Array<Promise<void>> = [];
    for (let start = 0; start < order.length; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      batches.push(
        this.runBatch(batch.map((index) => encoded[index]!)).then((flat) => {
          batch.forEach((index, row) => (vectors[index] = flat.slice(row * this.dimension, (row + 1) * this.dimension)));
        }),
      );
    }
    await Promise.all(batches);
    return vectors;
  }

  private runBatch(batch: number[][]): Promise<Float32Array> {
    const length = Math.max(...batch.map((ids) => ids.length));
    const ids = new Int32Array(batch.length * length).fill(this.tokenizer.padId);
    batch.forEach((row, r) => ids.set(row, r * length));
    const lengths = Int32Array.from(batch.map((row) => row.length));
    const id = this.nextId++;
    return new Promise<Float32Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ids, lengths, length, dimension: this.dimension }, [ids.buffer, lengths.buffer]);
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
