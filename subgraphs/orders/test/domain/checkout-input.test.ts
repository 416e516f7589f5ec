import { cartFingerprint, validateCheckout, type CheckoutRequest } from '../../src/domain/checkout-input';

const now = new Date('2025-06-15T00:00:00Z');
const request = (overrides: Partial<CheckoutRequest['input']> = {}, isGuest = false): CheckoutRequest => ({
  customer: isGuest ? 'guest:g1' : 'user:u1',
  isGuest,
  input: {
    idempotencyKey: 'checkout-0001',
    shippingAddress: { fullName: ' Ada Lovelace ', line1: '1 Analytical St', city: 'London', postalCode: 'N1 9GU', countryCode: 'gb' },
    payment: { cardNumber: '4242 4242 4242 4242', expiryMonth: 12, expiryYear: 2030, cvc: '123' },
    ...overrides,
  },
});

describe('checkout input', () => {
  it('when the input is valid, then it is normalised and fingerprinted without the card number', () => {
    const result = validateCheckout(request(), now);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.address).toEqual({
      fullName: 'Ada Lovelace',
      line1: '1 Analytical St',
      line2: null,
      city: 'London',
      province: null,
      postalCode: 'N1 9GU',
      countryCode: 'GB',
      phone: null,
    });
    expect(result.value.region).toBe('eu');
    expect(result.value.card.number).toBe('4242424242424242');
    expect(result.value.requestFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when the same checkout is validated twice, then the fingerprint is the same; another address changes it', () => {
    const first = validateCheckout(request(), now);
    const again = validateCheckout(request(), now);
    const moved = validateCheckout(request({ shippingAddress: { ...request().input.shippingAddress, city: 'Paris' } }), now);
    if (!first.ok || !again.ok || !moved.ok) throw new Error('expected valid input');
    expect(again.value.requestFingerprint).toBe(first.value.requestFingerprint);
    expect(moved.value.requestFingerprint).not.toBe(first.value.requestFingerprint);
  });

  it('when address fields are blank or malformed, then each is named and nothing else is needed to refuse it', () => {
    const result = validateCheckout(
      request({ shippingAddress: { fullName: ' ', line1: '', city: 'x'.repeat(101), postalCode: '!', countryCode: 'GBR' } }),
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field?.join('.'))).toEqual([
      'input.shippingAddress.fullName',
      'input.shippingAddress.line1',
      'input.shippingAddress.city',
      'input.shippingAddress.countryCode',
      'input.shippingAddress.countryCode',
      'input.shippingAddress.postalCode',
    ]);
    expect(result.errors.every((error) => error.code === 'BAD_USER_INPUT')).toBe(true);
  });

  it('when the card, region, key or guest email are wrong, then the codes say which', () => {
    const result = validateCheckout(
      request(
        {
          idempotencyKey: 'short',
          region: 'mars',
          payment: { cardNumber: '4242424242424241', expiryMonth: 1, expiryYear: 2020, cvc: '1' },
        },
        true,
      ),
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => `${error.code}:${error.field?.join('.')}`)).toEqual([
      'BAD_USER_INPUT:input.idempotencyKey',
      'CARD_INVALID:input.payment.cardNumber',
      'CARD_INVALID:input.payment.expiryYear',
      'CARD_INVALID:input.payment.cvc',
      'BAD_USER_INPUT:input.region',
      'BAD_USER_INPUT:input.email',
    ]);
  });

  it('when two carts hold the same lines in another order, then their fingerprints match', () => {
    const a = cartFingerprint([{ sku: 'a', quantity: 1 }, { sku: 'b', quantity: 2 }]);
    expect(cartFingerprint([{ sku: 'b', quantity: 2 }, { sku: 'a', quantity: 1 }])).toBe(a);
    expect(cartFingerprint([{ sku: 'b', quantity: 3 }, { sku: 'a', quantity: 1 }])).not.toBe(a);
    expect(cartFingerprint([])).not.toBe(a);
  });
});
