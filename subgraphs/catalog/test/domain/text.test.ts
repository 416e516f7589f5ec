import { slugify, stem, tokenize } from '../../src/domain/text';

describe('search tokens and slugs', () => {
  it('when text is tokenized, then words are folded, de-accented, de-pluralized and kept once', () => {
    // given text with capitals, accents, punctuation, plurals and a repeat
    // when it is tokenized
    const tokens = tokenize('Crème Brûlée SHOES, shoe & T-Shirts (2 pack) — a shoes!');

    // then the tokens are plain lowercase words of two letters or more, or numbers
    expect(tokens).toEqual(['creme', 'brulee', 'shoe', 'shirt', '2', 'pack']);
  });

  it('when regex metacharacters are tokenized, then they vanish instead of becoming a pattern', () => {
    // given a query made of operators and metacharacters
    // when tokenized
    // then nothing but words is left
    expect(tokenize('.*(a+)+$ [^x] {"$gt": ""} \\d')).toEqual(['gt']);
  });

  it('when plurals are stemmed, then common English endings meet their singular', () => {
    // given plural and singular words
    // when stemmed
    // then they meet, and words that only look plural are left alone
    expect(['shoes', 'accessories', 'dress', 'canvas', 'bus'].map(stem)).toEqual(['shoe', 'accessory', 'dress', 'canva', 'bus']);
  });

  it('when a name is slugified, then it becomes lowercase ASCII words joined by dashes', () => {
    // given names with accents, ampersands and punctuation
    // when slugified
    // then the slugs are URL-safe
    expect(slugify("Hartwell & Co Men's Crème Oxford Shirt!")).toBe('hartwell-and-co-men-s-creme-oxford-shirt');
    expect(slugify('***')).toBe('');
  });
});
