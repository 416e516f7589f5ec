import { toMoney } from '@shop/platform';
import { canRead } from '../domain/viewer';
import type { OrderLineResolvers, OrderResolvers, OrderTotalsResolvers } from '../generated/resolvers-types';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const Order: OrderResolvers = {
  __resolveReference: async ({ id }, { loaders, viewer }) => {
    const order = await loaders.orderById.load(id);
    return order && canRead(viewer, order) ? order : null;
  },
  lines: async (order, _args, { loaders }) => {
    if (!order.confirmedAt || !order.currencyCode) return [];
    const currencyCode = order.currencyCode;
    return (await loaders.linesByOrderId.load(order.id)).map((line) => ({ ...line, currencyCode }));
  },
  itemCount: (order) => (order.confirmedAt ? (order.pricing?.lines ?? []).reduce((sum, line) => sum + line.quantity, 0) : 0),
  totals: (order) => (order.totals && order.currencyCode ? { ...order.totals, currencyCode: order.currencyCode } : null),
  createdAt: (order) => order.createdAt.toISOString(),
  confirmedAt: (order) => iso(order.confirmedAt),
  cancelledAt: (order) => iso(order.cancelledAt),
};

export const OrderLine: OrderLineResolvers = {
  unitPrice: (line) => toMoney(line.unitPriceMinor, line.currencyCode),
  lineTotal: (line) => toMoney(BigInt(line.unitPriceMinor) * BigInt(line.quantity), line.currencyCode),
  product: (line) => ({ id: line.productId }),
  variant: (line) => ({ sku: line.sku }),
};

export const OrderTotals: OrderTotalsResolvers = {
  subtotal: (totals) => toMoney(totals.subtotalMinor, totals.currencyCode),
  shipping: (totals) => toMoney(totals.shippingMinor, totals.currencyCode),
  tax: (totals) => toMoney(totals.taxMinor, totals.currencyCode),
  total: (totals) => toMoney(totals.totalMinor, totals.currencyCode),
};
