import { ConfigError } from '@shop/platform';
import { loadOrdersConfig, pricingRulesOf } from '../../src/config';

describe('orders config', () => {
  it('when nothing is set, then tax rates keep their written form and become the pricing rules, and payments answer at once', () => {
    // when
    const config = loadOrdersConfig({});
    // then
    expect(config.TAX_RATES_BPS).toBe('eu:2000,us:800,asia:1000');
    expect(pricingRulesOf(config).taxRateBps).toEqual({ eu: 2000, us: 800, asia: 1000 });
    expect(config.PAYMENT_TEST_LATENCY_MS).toBe(0);
  });

  it('when TAX_RATES_BPS or PAYMENT_TEST_LATENCY_MS is malformed, then loading fails naming the variable', () => {
    expect(() => loadOrdersConfig({ TAX_RATES_BPS: 'eu:twenty' })).toThrow(ConfigError);
    expect(() => loadOrdersConfig({ TAX_RATES_BPS: 'eu:twenty' })).toThrow(/TAX_RATES_BPS/);
    expect(() => loadOrdersConfig({ PAYMENT_TEST_LATENCY_MS: '-5' })).toThrow(/PAYMENT_TEST_LATENCY_MS/);
  });
});
