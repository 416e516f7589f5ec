import { readFileSync } from 'node:fs';

/** Token ids of one text, ready for a BERT-style encoder: [CLS] … [SEP], at most `maxLength`. */
export interface Encoding {
  ids: number[];
  tokens: string[];
}

interface TokenizerJson {
  model: { type: string; vocab: Record<string, number>; unk_token: string; continuing_subword_prefix: string; max_input_chars_per_word: number };
  normalizer?: { lowercase?: boolean; strip_accents?: boolean | null };
  truncation?: { max_length?: number } | null;
}

const CJK_RANGES: Array<[number, number]> = [
  [0x4e00, 0x9fff], [0x3400, 0x4dbf], [0x20000, 0x2a6df], [0x2a700, 0x2b73f],
  [0x2b740, 0x2b81f], [0x2b820, 0x2ceaf], [0xf900, 0xfaff], [0x2f800, 0x2fa1f],
];
const isCjk = (code: number) => CJK_RANGES.some(([from, to]) => code >= from && code <= to);
const CONTROL = /^\p{C}$/u;
const WHITESPACE = /^\s$/u;
const PUNCTUATION = /^\p{P}$/u;
const COMBINING_MARK = /\p{Mn}/gu;

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/**
 * BERT WordPiece tokenizer read from a Hugging Face tokenizer.json: BertNormalizer (clean text,
 * space around CJK ideographs, strip accents, lowercase), BertPreTokenizer (split on whitespace
 * and punctuation) and greedy longest-match-first word pieces with the `##` prefix.
 */
export class WordPieceTokenizer {
  readonly unkId: number;
  readonly clsId: number;
  readonly sepId: number;
  readonly padId: number;
  private readonly prefix: string;
  private readonly maxCharsPerWord: number;
  private readonly lowercase: boolean;
  private readonly stripAccents: boolean;

  constructor(
    private readonly vocab: Map<string, number>,
    options: { unkToken?: string; prefix?: string; maxCharsPerWord?: number; lowercase?: boolean; stripAccents?: boolean; maxLength?: number } = {},
    readonly maxLength = options.maxLength ?? 128,
  ) {
    const idOf = (token: string) => {
      const id = vocab.get(token);
      if (id === undefined) throw new Error(`tokenizer vocabulary lacks ${token}`);
      return id;
    };
    this.unkId = idOf(options.unkToken ?? '[UNK]');
    this.clsId = idOf('[CLS]');
    this.sepId = idOf('[SEP]');
    this.padId = idOf('[PAD]');
    this.prefix = options.prefix ?? '##';
    this.maxCharsPerWord = options.maxCharsPerWord ?? 100;
    this.lowercase = options.lowercase ?? true;
    this.stripAccents = options.stripAccents ?? this.lowercase;
  }

  static fromFile(path: string): WordPieceTokenizer {
    const json = JSON.parse(readFileSync(path, 'utf8')) as TokenizerJson;
    if (json.model.type !== 'WordPiece') throw new Error(`${path}: expected a WordPiece model, got ${json.model.type}`);
    const lowercase = json.normalizer?.lowercase ?? true;
    return new WordPieceTokenizer(new Map(Object.entries(json.model.vocab)), {
      unkToken: json.model.unk_token,
      prefix: json.model.continuing_subword_prefix,
      maxCharsPerWord: json.model.max_input_chars_per_word,
      lowercase,
      stripAccents: json.normalizer?.strip_accents ?? lowercase,
      maxLength: json.truncation?.max_length ?? 128,
    });
  }

  idOf(token: string): number | undefined {
    return this.vocab.get(token);
  }

  normalize(text: string): string {
    let out = '';
    for (const char of text) {
      const code = char.codePointAt(0)!;
      if (code === 0 || code === 0xfffd) continue;
      if (WHITESPACE.test(char)) out += ' ';
      else if (CONTROL.test(char)) continue;
      else if (isCjk(code)) out += ` ${char} `;
      else out += char;
    }
    if (this.stripAccents) out = out.normalize('NFD').replace(COMBINING_MARK, '');
    return this.lowercase ? out.toLowerCase() : out;
  }

  /** Splits normalized text into words: whitespace separates, each punctuation mark stands alone. */
  preTokenize(normalized: string): string[] {
    const words: string[] = [];
    let current = '';
    for (const char of normalized) {
      if (char === ' ') {
        if (current) words.push(current);
        current = '';
      } else if (isAsciiPunctuation(char.codePointAt(0)!) || PUNCTUATION.test(char)) {
        if (current) words.push(current);
        words.push(char);
        current = '';
      } else {
        current += char;
      }
    }
    if (current) words.push(current);
    return words;
  }

  wordPieces(word: string): string[] {
    const chars = Array.from(word);
    if (chars.length > this.maxCharsPerWord) return ['[UNK]'];
    const pieces: string[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found: string | undefined;
      while (start < end) {
        const piece = (start > 0 ? this.prefix : '') + chars.slice(start, end).join('');
        if (this.vocab.has(piece)) {
          found = piece;
          break;
        }
        end -= 1;
      }
      if (found === undefined) return ['[UNK]'];
      pieces.push(found);
      start = end;
    }
    return pieces;
  }

  /** Tokens of a text without special tokens and without truncation. */
  tokenize(text: string): string[] {
    return this.preTokenize(this.normalize(text)).flatMap((word) => this.wordPieces(word));
  }

  encode(text: string): Encoding {
    const tokens = ['[CLS]', ...this.tokenize(text).slice(0, this.maxLength - 2), '[SEP]'];
    return { tokens, ids: tokens.map((token) => this.vocab.get(token) ?? this.unkId) };
  }
}
