const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '2XL', 'XXXL', '3XL', '4XL'];

/** Option values in the order shoppers expect: XS before S before M…, 6 before 10, else as given. */
export function sortOptionValues(values: readonly string[]): string[] {
  const rank = (value: string) => {
    const size = SIZE_ORDER.indexOf(value.trim().toUpperCase());
    if (size >= 0) return size;
    const number = Number.parseFloat(value);
    return Number.isFinite(number) ? 100 + number : Number.POSITIVE_INFINITY;
  };
  return values
    .map((value, index) => ({ value, index, rank: rank(value) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.value);
}
