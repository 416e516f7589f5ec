import { parseReserveRequest, sameReservation } from '../src/domain/reserve-request';
import { seedQuantity } from '../src/domain/seed-quantities';
import { stockLevel, sumRegions } from '../src/domain/stock-level';
import { parseAdjustRequest } from '../src/domain/stock-adjustment';

describe('inventory domain', () => {
  it('when a request repeats a SKU, then its lines are summed and errors point at the input line', () => {
    // when
    const parsed = parseReserveRequest({ orderId: 'o-1', region: 'us', lines: [{ sku: 'a', quantity: 2 }, { sku: 'b', quantity: 1 }, { sku: 'a', quantity: 3 }] });

    // then
    expect(parsed.ok && parsed.value.lines).toEqual([{ sku: 'a', quantity: 5 }, { sku: 'b', quantity: 1 }]);
    expect(parsed.ok && parsed.value.inputIndex.get('b')).toBe(1);
  });

  it('when a request has several problems, then all are reported at once', () => {
    // when
    const parsed = parseReserveRequest({ orderId: '', region: 'mars', lines: [{ sku: 'a', quantity: 1.5 }, { sku: 'a b', quantity: 1 }] });

    // then
    expect(!parsed.ok && parsed.errors.map((error) => error.code)).toEqual(['INVALID_ORDER_ID', 'UNKNOWN_REGION', 'INVALID_QUANTITY', 'INVALID_SKU']);
  });

  it('when a replay lists the same lines in another order, then it is the same reservation', () => {
    // then
    const stored = { region: 'eu', lines: [{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 2 }] };
    expect(sameReservation(stored, { region: 'eu', lines: [{ sku: 'b', quantity: 2 }, { sku: 'a', quantity: 1 }] })).toBe(true);
    expect(sameReservation(stored, { region: 'us', lines: stored.lines })).toBe(false);
    expect(sameReservation(stored, { region: 'eu', lines: [{ sku: 'a', quantity: 1 }] })).toBe(false);
  });

  it('when stock is at the threshold, then it is low; at zero it is out, not low', () => {
    // then
    expect(stockLevel({ eu: 5 }, 'eu', 5)).toMatchObject({ available: 5, inStock: true, lowStock: true });
    expect(stockLevel({ eu: 6 }, 'eu', 5)).toMatchObject({ inStock: true, lowStock: false });
    expect(stockLevel({ us: 9 }, 'eu', 5)).toEqual({
      region: 'eu',
      available: 0,
      inStock: false,
      lowStock: false,
      regions: [{ region: 'eu', available: 0 }, { region: 'us', available: 9 }, { region: 'asia', available: 0 }],
    });
    expect(sumRegions([{ eu: 1, us: 2 }, { eu: 3 }])).toEqual({ eu: 4, us: 2, asia: 0 });
  });

  it('when setStock asks for zero, then it is valid; restock of zero is not', () => {
    // then
    expect(parseAdjustRequest({ sku: 'a', region: 'eu', quantity: 0 }, 'set').ok).toBe(true);
    expect(parseAdjustRequest({ sku: 'a', region: 'eu', quantity: 0 }, 'add').ok).toBe(false);
  });

  it('when 10,000 SKUs are seeded, then about 10 % are empty, 15 % low and the rest plenty, the same every time', () => {
    // when
    const amounts = Array.from({ length: 10_000 }, (_, i) => seedQuantity(42, `sku-${i}`, 'eu'));

    // then
    const share = (test: (amount: number) => boolean) => amounts.filter(test).length / amounts.length;
    expect(share((amount) => amount === 0)).toBeCloseTo(0.1, 1);
    expect(share((amount) => amount >= 1 && amount <= 4)).toBeCloseTo(0.15, 1);
    expect(share((amount) => amount >= 20 && amount < 200)).toBeCloseTo(0.75, 1);
    expect(seedQuantity(42, 'sku-1', 'eu')).toBe(amounts[1]);
    expect(seedQuantity(7, 'sku-1', 'eu') === amounts[1] && seedQuantity(7, 'sku-2', 'eu') === amounts[2] && seedQuantity(7, 'sku-3', 'eu') === amounts[3]).toBe(false);
  });
});
