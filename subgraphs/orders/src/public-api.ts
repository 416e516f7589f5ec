/** What other workspaces (gateway, scripts, benchmarks, tests) may use from the orders subgraph. */
export { createOrdersServer, createOrdersRuntime, typeDefs, type OrdersDeps, type OrdersRuntime } from './server';
export { loadOrdersConfig, ordersConfigSchema, pricingRulesOf, DEFAULT_PRICING_RULES, type OrdersConfig } from './config';
export { TestPaymentProvider, TEST_ACCEPTED_CARD, TEST_DECLINED_CARDS } from './adapters/test-payment-provider';
export type { PaymentProvider, ChargeRequest, ChargeResult } from './domain/ports';
export type { PricingRules } from './domain/pricing';
export { startOrders } from './start';
