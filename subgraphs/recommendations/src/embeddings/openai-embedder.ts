import OpenAI from 'openai';
import { l2Normalize, type Embedder } from './embedder';

const MAX_INPUTS_PER_REQUEST = 512;

/** OpenAI embeddings (text-embedding-3-small by default), used when OPENAI_API_KEY is set. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  private readonly client: OpenAI;

  constructor(options: { apiKey: string; model?: string; dimension?: number; baseURL?: string }) {
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 3 });
    const model = options.model ?? 'text-embedding-3-small';
    this.dimension = options.dimension ?? 1536;
    this.id = `openai:${model}:${this.dimension}`;
    this.model = model;
  }

  private readonly model: string;

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += MAX_INPUTS_PER_REQUEST) {
      const input = texts.slice(start, start + MAX_INPUTS_PER_REQUEST).map((text) => text.slice(0, 8000) || ' ');
      const response = await this.client.embeddings.create({ model: this.model, input, dimensions: this.dimension });
      const ordered = [...response.data].sort((a, b) => a.index - b.index);
      for (const item of ordered) vectors.push(l2Normalize(Float32Array.from(item.embedding)));
    }
    return vectors;
  }

  async close(): Promise<void> {}
}
