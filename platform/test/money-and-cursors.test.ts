import { z } from 'zod';
import { decodeCursor, encodeCursor, pageSize, toMinorUnits, toMoney } from '../src';

describe('money', () => {
  it('when minor units are shown, then the amount is an exact decimal string for the currency', () => {
    expect(toMoney(129900, 'INR')).toEqual({ amount: '1299.00', currencyCode: 'INR' });
    expect(toMoney(5, 'EUR').amount).toBe('0.05');
    expect(toMoney(-1250, 'USD').amount).toBe('-12.50');
    expect(toMoney(1200, 'JPY').amount).toBe('1200');
  });

  it('when a decimal string is parsed, then it becomes minor units, and too many decimals are refused', () => {
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits('0.07', 'EUR')).toBe(7);
    expect(() => toMinorUnits('1.005', 'EUR')).toThrow(RangeError);
    expect(() => toMinorUnits('1e3', 'EUR')).toThrow(RangeError);
  });
});

describe('cursors', () => {
  const position = z.object({ price: z.number(), id: z.string() });

  it('when a cursor is decoded by the list that made it, then the position comes back', () => {
    const cursor = encodeCursor('products', { price: 10, id: 'p1' });
    expect(decodeCursor('products', cursor, position)).toEqual({ price: 10, id: 'p1' });
  });

  it('when a cursor is foreign, malformed or tampered, then INVALID_CURSOR is raised', () => {
    const foreign = encodeCursor('orders', { price: 10, id: 'p1' });
    for (const cursor of [foreign, 'not base64!', '', encodeCursor('products', { price: 'x' })]) {
      expect(() => decodeCursor('products', cursor, position)).toThrow(expect.objectContaining({ extensions: { code: 'INVALID_CURSOR' } }));
    }
  });

  it('when a page size is over the limit or negative, then BAD_USER_INPUT is raised', () => {
    expect(pageSize(undefined, { defaultSize: 24, max: 100 })).toBe(24);
    expect(() => pageSize(101, { defaultSize: 24, max: 100 })).toThrow('first must be between 0 and 100');
    expect(() => pageSize(-1, { defaultSize: 24, max: 100 })).toThrow();
  });
});
