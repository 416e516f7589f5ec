import { ladderStep, mergeBands, PRICE_LADDER } from '../../src/domain/listing/price-bands';

describe('price bands', () => {
  it('when a price is placed on the ladder, then it falls in the step whose lower edge is at or below it', () => {
    // given prices on and between ladder edges
    // when placed
    // then edges belong to the step they start
    expect([0, 4.99, 5, 24.99, 25, 999_999_999].map(ladderStep)).toEqual([0, 0, 1, 4, 5, PRICE_LADDER.length - 1]);
  });

  it('when steps are merged, then bands are contiguous, skip empty steps, stay within the limit and add up', () => {
    // given counts spread over many steps
    const counts = new Array(PRICE_LADDER.length).fill(0);
    counts[2] = 10;
    counts[3] = 10;
    counts[6] = 3;
    counts[9] = 30;
    counts[12] = 1;
    counts[20] = 1;

    // when merged into at most 3 bands
    const bands = mergeBands(counts, 3);

    // then there are at most 3, they add up to 55, and each starts at a non-empty step
    expect(bands).toEqual([
      { low: 10, high: 20, count: 20 },
      { low: 30, high: 100, count: 33 },
      { low: 200, high: 2500, count: 2 },
    ]);
  });

  it('when nothing is counted, then there are no bands', () => {
    // given no counts
    // when merged
    // then no band is made
    expect(mergeBands(new Array(PRICE_LADDER.length).fill(0))).toEqual([]);
  });
});
