/** Round band edges in major currency units; products are counted per step, then steps are merged. */
export const PRICE_LADDER: readonly number[] = [
  0, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000,
  5000, 7500, 10000, 15000, 20000, 25000, 50000, 100000, 250000, 500000, 1000000,
];

/** Index of the ladder step a price falls in. */
export function ladderStep(priceMajor: number): number {
  let low = 0;
  let high = PRICE_LADDER.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (PRICE_LADDER[middle]! <= priceMajor) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}

export interface PriceBand {
  /** Inclusive lower edge in major units. */
  low: number;
  /** Exclusive upper edge in major units; null when open. */
  high: number | null;
  count: number;
}

/** Merges per-step counts into at most `maxBands` bands of roughly equal size, skipping empty steps. */
export function mergeBands(stepCounts: ArrayLike<number>, maxBands = 5): PriceBand[] {
  const steps: number[] = [];
  let total = 0;
  for (let step = 0; step < stepCounts.length; step++) {
    if (stepCounts[step]! > 0) {
      steps.push(step);
      total += stepCounts[step]!;
    }
  }
  if (total === 0) return [];
  const edge = (step: number): number | null => (step < PRICE_LADDER.length ? PRICE_LADDER[step]! : null);
  const target = total / maxBands;
  const bands: PriceBand[] = [];
  let count = 0;
  let start = steps[0]!;
  for (const [position, step] of steps.entries()) {
    count += stepCounts[step]!;
    const isLast = position === steps.length - 1;
    if (isLast || (count >= target && bands.length < maxBands - 1)) {
      bands.push({ low: PRICE_LADDER[start]!, high: edge(step + 1), count });
      count = 0;
      if (!isLast) start = steps[position + 1]!;
    }
  }
  return bands;
}
