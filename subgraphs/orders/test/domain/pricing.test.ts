import { computeTotals, parseTaxRates, type PricingRules } from '../../src/domain/pricing';

const rules: PricingRules = { taxRateBps: { eu: 2000, us: 825, asia: 0 }, shippingFeeMinor: 499, freeShippingFromMinor: 5000 };
const line = (unitPriceMinor: number, quantity: number) => ({ sku: 's', productId: 'p', name: 'n', variantTitle: null, unitPriceMinor, quantity });

describe('order totals', () => {
  it('when a small order is priced in eu, then shipping is charged and tax is 20 % of the subtotal', () => {
    expect(computeTotals([line(1299, 2), line(5, 1)], 'eu', rules)).toEqual({
      subtotalMinor: 2603,
      shippingMinor: 499,
      taxMinor: 521, // 520.6 rounds half up
      totalMinor: 3623,
    });
  });

  it('when the subtotal reaches the threshold, then shipping is free', () => {
    expect(computeTotals([line(2500, 2)], 'asia', rules)).toEqual({ subtotalMinor: 5000, shippingMinor: 0, taxMinor: 0, totalMinor: 5000 });
  });

  it('when tax has a half minor unit, then it rounds half up exactly, with no float error', () => {
    // 1000 × 8.25 % = 82.5 → 83; 1 × 8.25 % = 0.0825 → 0
    expect(computeTotals([line(1000, 1)], 'us', rules).taxMinor).toBe(83);
    expect(computeTotals([line(1, 1)], 'us', rules).taxMinor).toBe(0);
    expect(computeTotals([line(999_999_999, 99)], 'us', { ...rules, freeShippingFromMinor: null }).totalMinor).toBe(
      98_999_999_901 + 499 + 8_167_499_992, // tax 8,167,499,991.8325 rounds up
    );
  });

  it('when tax rates are configured as text, then each region must be given once with a sane rate', () => {
    expect(parseTaxRates('eu:2000, us:800,asia:1000', ['eu', 'us', 'asia'])).toEqual({ eu: 2000, us: 800, asia: 1000 });
    expect(() => parseTaxRates('eu:2000,us:800', ['eu', 'us', 'asia'])).toThrow('missing for asia');
    expect(() => parseTaxRates('eu:20000,us:0,asia:0', ['eu', 'us', 'asia'])).toThrow('above 100');
    expect(() => parseTaxRates('mars:1', ['eu', 'us', 'asia'])).toThrow('bad tax rate');
  });
});
