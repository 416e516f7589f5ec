import { identities } from '@shop/platform/testing';
import type { CartLineRecord, VariantPrice } from '../src/domain/cart';
import { assertOwnCart, cartIdOf, cartRegion, ownerOf, parseOwner } from '../src/domain/owner';
import { quantityError, skuError } from '../src/domain/quantity';
import { subtotal } from '../src/domain/totals';
import { cartWarnings } from '../src/domain/warnings';
import { LineSkuHints } from '../src/domain/line-hints';

const limits = { maxLines: 50, maxLineQuantity: 99 };

const line = (sku: string, quantity: number, addedPriceMinor: number, stockSeen = 10): CartLineRecord => ({
  sku,
  quantity,
  productId: `p-${sku}`,
  addedPriceMinor,
  currencyCode: 'INR',
  stockSeen,
  addedAt: new Date('2025-01-01T00:00:00Z'),
});

const variant = (sku: string, priceMinor: number, currencyCode = 'INR'): VariantPrice => ({
  sku,
  productId: `p-${sku}`,
  priceMinor,
  currencyCode,
});

describe('cart quantities', () => {
  it.each([0, -1, 1.5, Number.NaN])('when the quantity is %p, then it is bad input', (quantity) => {
    expect(quantityError(quantity, limits)?.code).toBe('BAD_USER_INPUT');
  });

  it.each([100, 1e9])('when the quantity is %p, then it is over the line limit', (quantity) => {
    expect(quantityError(quantity, limits)?.code).toBe('LIMIT_EXCEEDED');
  });

  it('when the quantity is 1 or 99, then it is accepted', () => {
    expect(quantityError(1, limits)).toBeNull();
    expect(quantityError(99, limits)).toBeNull();
  });

  it('when a SKU is empty or carries odd characters, then it is refused before any lookup', () => {
    expect(skuError('')?.code).toBe('BAD_USER_INPUT');
    expect(skuError('a b')?.code).toBe('BAD_USER_INPUT');
    expect(skuError('x'.repeat(257))?.code).toBe('BAD_USER_INPUT');
    expect(skuError('12345-42')).toBeNull();
    expect(skuError('8503')).toBeNull();
  });
});

describe('cart warnings', () => {
  it('when nothing changed since the lines were added, then there are no warnings', () => {
    const lines = [line('a', 2, 1000)];
    expect(cartWarnings(lines, new Map([['a', variant('a', 1000)]]), new Map([['a', 5]]))).toEqual([]);
  });

  it('when the price went up, then the line gets PRICE_CHANGED with both prices', () => {
    const [warning] = cartWarnings([line('a', 1, 1000)], new Map([['a', variant('a', 1250)]]));
    expect(warning).toMatchObject({ code: 'PRICE_CHANGED', sku: 'a' });
    expect(warning!.message).toContain('10.00 INR');
    expect(warning!.message).toContain('12.50 INR');
  });

  it('when fewer units are left than the line holds, then STOCK_REDUCED; when none, then OUT_OF_STOCK', () => {
    const lines = [line('a', 3, 1000), line('b', 1, 1000)];
    const variants = new Map([['a', variant('a', 1000)], ['b', variant('b', 1000)]]);
    const warnings = cartWarnings(lines, variants, new Map([['a', 2], ['b', 0]]));
    expect(warnings.map((w) => [w.code, w.sku])).toEqual([['STOCK_REDUCED', 'a'], ['OUT_OF_STOCK', 'b']]);
  });

  it('when the catalog no longer sells a SKU, then NO_LONGER_SOLD and no other warning for it', () => {
    expect(cartWarnings([line('gone', 1, 1000)], new Map([['gone', null]]), new Map([['gone', 0]]))).toEqual([
      expect.objectContaining({ code: 'NO_LONGER_SOLD', sku: 'gone' }),
    ]);
  });
});

describe('cart subtotal', () => {
  it('when lines are priced now, then the subtotal uses current prices and skips unsold SKUs', () => {
    const lines = [line('a', 2, 1), line('b', 3, 1), line('gone', 1, 1)];
    const variants = new Map([['a', variant('a', 1999)], ['b', variant('b', 1)], ['gone', null]]);
    expect(subtotal(lines, variants)).toEqual({ amount: '40.01', currencyCode: 'INR' });
  });

  it('when the cart is empty or mixes currencies, then there is no subtotal', () => {
    expect(subtotal([], new Map())).toBeNull();
    const variants = new Map([['a', variant('a', 100, 'INR')], ['b', variant('b', 100, 'EUR')]]);
    expect(subtotal([line('a', 1, 100), line('b', 1, 100)], variants)).toBeNull();
  });
});

describe('cart owners and ids', () => {
  it('when guests and shoppers ask, then their cart is their shopper key', () => {
    expect(ownerOf(identities.guest('g1'))).toBe('guest:g1');
    expect(ownerOf(identities.shopper('u1'))).toBe('user:u1');
  });

  it('when a partner or a service asks for a cart, then FORBIDDEN; a guest without session, UNAUTHENTICATED', () => {
    expect(() => ownerOf(identities.partner())).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => ownerOf(identities.service())).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    expect(() => ownerOf({ role: 'guest', scopes: [] })).toThrow(
      expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } }),
    );
  });

  it('when a cart id is somebody else\'s, then FORBIDDEN; a malformed one, BAD_USER_INPUT; one\'s own passes', () => {
    const secret = 'secret-secret-secret-secret-secret';
    expect(cartIdOf('user:u1', secret)).toMatch(/^cart_[A-Za-z0-9_-]{24}$/);
    expect(() => assertOwnCart(cartIdOf('user:u1', secret), 'user:u1', secret)).not.toThrow();
    expect(() => assertOwnCart(cartIdOf('user:u2', secret), 'user:u1', secret)).toThrow(
      expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }),
    );
    expect(() => assertOwnCart('user:u1', 'user:u1', secret)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('when an owner key is not user:<id> or guest:<id>, then BAD_USER_INPUT', () => {
    expect(parseOwner('guest:abc-1', 'owner')).toBe('guest:abc-1');
    for (const bad of ['', 'user:', 'admin:1', 'user:a b', `user:${'x'.repeat(200)}`]) {
      expect(() => parseOwner(bad, 'owner')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });

  it('when no region is asked, then the shopper\'s region, else eu; an unknown asked region is refused', () => {
    expect(cartRegion({ ...identities.guest(), region: 'us' }, null)).toBe('us');
    expect(cartRegion(identities.guest(), undefined)).toBe('eu');
    expect(cartRegion({ ...identities.guest(), region: 'mars' }, null)).toBe('eu');
    expect(cartRegion(identities.guest(), 'ASIA')).toBe('asia');
    expect(() => cartRegion(identities.guest(), 'mars')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
});

describe('line SKU hints', () => {
  const cart = (...skus: string[]) => ({
    owner: 'guest:g',
    lines: skus.map((sku) => line(sku, 1, 100)),
    updatedAt: new Date(),
    expiresAt: new Date(),
  });

  it('when a cart was seen, then its SKUs are hinted; an emptied cart hints none; an unseen owner is unknown', () => {
    const hints = new LineSkuHints(60_000);
    hints.remember('guest:a', cart('s-1', 's-2'));
    hints.remember('guest:b', null);
    expect(hints.get('guest:a')).toEqual(['s-1', 's-2']);
    expect(hints.get('guest:b')).toEqual([]);
    expect(hints.get('guest:c')).toBeUndefined();
  });

  it('when more owners are seen than it holds, then the least recently used is forgotten; an old hint is forgotten too', () => {
    let now = 0;
    const hints = new LineSkuHints(1_000, 2, () => now);
    hints.remember('guest:a', cart('s-1'));
    hints.remember('guest:b', cart('s-2'));
    hints.get('guest:a');
    hints.remember('guest:c', cart('s-3'));
    expect(hints.get('guest:b')).toBeUndefined();
    expect(hints.get('guest:a')).toEqual(['s-1']);
    expect(hints.size).toBe(2);
    now = 1_001;
    expect(hints.get('guest:c')).toBeUndefined();
  });
});
