import { cardBrand, cardProblems, normalizeCardNumber, passesLuhn, summarizeCard } from '../../src/domain/card';

const now = new Date('2025-06-15T00:00:00Z');
const card = (number: string, expiryMonth = 12, expiryYear = 2030, cvc = '123') => ({ number, expiryMonth, expiryYear, cvc });

describe('card checks', () => {
  it('when a number passes the Luhn check, then it is accepted; one wrong digit fails it', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4000000000000002')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
    expect(passesLuhn('42424242424242a2')).toBe(false);
  });

  it('when a card is summarized, then only the brand, last four digits and expiry remain', () => {
    const summary = summarizeCard(card(normalizeCardNumber('4242 4242-4242 4242')));
    expect(summary).toEqual({ brand: 'visa', last4: '4242', expiryMonth: 12, expiryYear: 2030 });
    expect(JSON.stringify(summary)).not.toContain('42424242');
  });

  it('when brands are detected, then the common prefixes are recognised', () => {
    expect(cardBrand('5555555555554444')).toBe('mastercard');
    expect(cardBrand('2223003122003222')).toBe('mastercard');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('6011111111111117')).toBe('discover');
    expect(cardBrand('9999999999999995')).toBe('unknown');
  });

  it('when a card is bad in several ways, then every problem is named', () => {
    expect(cardProblems(card('4242424242424242'), now)).toEqual([]);
    expect(cardProblems(card('1234567812345678', 13, 2030, '12'), now)).toEqual(['number', 'expiry', 'cvc']);
    expect(cardProblems(card('4242424242424242', 5, 2025), now)).toEqual(['expired']);
    expect(cardProblems(card('4242424242424242', 6, 2025), now)).toEqual([]);
    expect(cardProblems(card('42'), now)).toEqual(['number']);
  });
});
