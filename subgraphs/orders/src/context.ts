import DataLoader from 'dataloader';
import { keyedLoader, type BaseContext } from '@shop/platform';
import type { OrderPageRequest, OrderQueries } from './data-access/order-queries';
import type { CheckoutDeps } from './domain/checkout-steps';
import type { OrderLineRecord, OrderRecord } from './domain/order';
import type { Viewer } from './domain/viewer';

export interface OrdersLoaders {
  orderById: DataLoader<string, OrderRecord | null>;
  linesByOrderId: DataLoader<string, OrderLineRecord[]>;
  /** Pages of order history; every page asked in one tick is one query. */
  orderPage: DataLoader<OrderPageRequest, OrderRecord[], string>;
}

export interface Context extends BaseContext {
  viewer: Viewer;
  queries: OrderQueries;
  checkout: CheckoutDeps;
  loaders: OrdersLoaders;
}

export function createLoaders(queries: OrderQueries): OrdersLoaders {
  return {
    orderById: keyedLoader((ids) => queries.findByIds(ids), (order) => [order.id]),
    linesByOrderId: new DataLoader(async (ids) => {
      const byOrder = new Map<string, OrderLineRecord[]>(ids.map((id) => [id, []]));
      for (const line of await queries.linesOf(ids)) byOrder.get(line.orderId)?.push(line);
      return ids.map((id) => byOrder.get(id) ?? []);
    }),
    orderPage: new DataLoader((requests) => queries.pages(requests), { cacheKeyFn: (request) => JSON.stringify(request) }),
  };
}
