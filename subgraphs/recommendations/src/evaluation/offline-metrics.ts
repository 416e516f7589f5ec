/** Helpers of the offline evaluation (bench/recommendations-eval.ts): CSV, metrics, a seeded random and a TF-IDF baseline. */

export interface Metrics {
  hitRate: number;
  ndcg: number;
}

/** Hit (any relevant in the top k) and NDCG@k with binary relevance. */
export function hitAndNdcg(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): { hit: number; ndcg: number } {
  let dcg = 0;
  let hit = 0;
  ranked.slice(0, k).forEach((id, position) => {
    if (relevant.has(id)) {
      hit = 1;
      dcg += 1 / Math.log2(position + 2);
    }
  });
  let ideal = 0;
  for (let position = 0; position < Math.min(k, relevant.size); position += 1) ideal += 1 / Math.log2(position + 2);
  return { hit, ndcg: ideal > 0 ? dcg / ideal : 0 };
}

export { mulberry32 } from '../domain/random';

/** RFC 4180 rows: quoted fields may hold commas, newlines and doubled quotes. */
export function* csvRows(text: string): Generator<string[]> {
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      yield row;
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length > 0) {
    row.push(field);
    yield row;
  }
}

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Nearest documents by TF-IDF cosine (the bag-of-words baseline), for the query ids. */
export function bagOfWordsNeighbours(docs: Array<{ id: string; text: string }>, queryIds: readonly string[], k: number): Map<string, string[]> {
  const df = new Map<string, number>();
  const termCounts = docs.map((doc) => {
    const counts = new Map<string, number>();
    for (const word of words(doc.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
    for (const word of counts.keys()) df.set(word, (df.get(word) ?? 0) + 1);
    return counts;
  });
  const postings = new Map<string, Array<{ doc: number; weight: number }>>();
  const vectors = termCounts.map((counts, doc) => {
    const weights = new Map<string, number>();
    let norm = 0;
    for (const [word, count] of counts) {
      const weight = (1 + Math.log(count)) * Math.log(docs.length / df.get(word)!);
      weights.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [word, weight] of weights) {
      weights.set(word, weight / norm);
      const list = postings.get(word) ?? [];
      list.push({ doc, weight: weight / norm });
      postings.set(word, list);
    }
    return weights;
  });
  const position = new Map(docs.map((doc, i) => [doc.id, i]));
  const result = new Map<string, string[]>();
  for (const id of queryIds) {
    const self = position.get(id)!;
    const scores = new Float64Array(docs.length);
    for (const [word, weight] of vectors[self]!) for (const posting of postings.get(word)!) scores[posting.doc]! += weight * posting.weight;
    scores[self] = -1;
    const order = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
    result.set(id, order.slice(0, k).map((doc) => docs[doc]!.id));
  }
  return result;
}
