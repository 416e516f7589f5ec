/**
 * Text helpers for search and slugs. Search works on stored word tokens (no regular expression is
 * ever built from user input): both the catalog text and the shopper's query go through `tokenize`.
 */

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;
const COMBINING_MARKS = /\p{M}+/gu;
const DIGITS = /^\p{N}+$/u;
const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase, accents removed ("Crème" → "creme"). */
export function foldText(text: string): string {
  // Most catalog text is ASCII: skip Unicode normalization then (it dominates loading time).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** A light plural stemmer, applied to the catalog and the query alike ("shoes" and "shoe" meet). */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Distinct search tokens of a text, in order of first appearance: words of 2+ letters, or numbers. */
export function tokenize(text: string, maxTokens = 400): string[] {
  const tokens = new Set<string>();
  for (const word of foldText(text).split(WORD_SEPARATOR)) {
    if (word.length === 0 || word.length > 40) continue;
    if (word.length < 2 && !DIGITS.test(word)) continue;
    tokens.add(stem(word));
    if (tokens.size >= maxTokens) break;
  }
  return [...tokens];
}

/** Lowercase key used to compare names, brands and attribute values case-insensitively. */
export function keyOf(text: string): string {
  return foldText(text).trim().replace(/\s+/g, ' ');
}

/** URL slug: lowercase ASCII letters and digits separated by single dashes. */
export function slugify(text: string, maxLength = 80): string {
  const slug = foldText(text)
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
