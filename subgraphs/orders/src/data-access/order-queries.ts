import type { OrderLineRecord, OrderRecord, OrderStatus } from '../domain/order';
import type { Database } from './postgres';
import { isOrderId, toOrderLineRecord, toOrderRecord, type OrderLineRow, type OrderRow } from './order-rows';

/** One page asked of a shopper's history: their customer keys, newest first, after a seq. */
export interface OrderPageRequest {
  customers: string[];
  statuses: readonly OrderStatus[];
  afterSeq: number | null;
  limit: number;
}

export interface OrderQueries {
  findByIds(ids: readonly string[]): Promise<OrderRecord[]>;
  linesOf(orderIds: readonly string[]): Promise<OrderLineRecord[]>;
  /** Any number of pages in one round trip (a LATERAL join per request). */
  pages(requests: readonly OrderPageRequest[]): Promise<OrderRecord[][]>;
}

/** Reads for the resolvers; each call is one round trip, however many keys it is given. */
export function createOrderQueries(db: Database): OrderQueries {
  return {
    async findByIds(ids) {
      const valid = ids.filter(isOrderId);
      if (valid.length === 0) return [];
      const { rows } = await db.query<OrderRow>('orders.findByIds', 'SELECT * FROM orders WHERE id = ANY($1::uuid[])', [valid]);
      return rows.map(toOrderRecord);
    },

    async linesOf(orderIds) {
      const valid = orderIds.filter(isOrderId);
      if (valid.length === 0) return [];
      const { rows } = await db.query<OrderLineRow>(
        'orderLines.findByOrderIds',
        'SELECT * FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position',
        [valid],
      );
      return rows.map(toOrderLineRecord);
    },

    async pages(requests) {
      if (requests.length === 0) return [];
      const { rows } = await db.query<OrderRow & { request: number }>(
        'orders.pages',
        `SELECT q.request, o.*
         FROM jsonb_to_recordset($1::jsonb) AS q(request int, customers text[], statuses text[], after_seq bigint, size int)
         CROSS JOIN LATERAL (
           SELECT * FROM orders
           WHERE customer = ANY(q.customers) AND status = ANY(q.statuses)
             AND (q.after_seq IS NULL OR seq < q.after_seq)
           ORDER BY seq DESC
           LIMIT q.size
         ) AS o
         ORDER BY q.request, o.seq DESC`,
        [
          JSON.stringify(
            requests.map((request, index) => ({
              request: index,
              customers: request.customers,
              statuses: request.statuses,
              after_seq: request.afterSeq,
              size: request.limit,
            })),
          ),
        ],
      );
      const pages: OrderRecord[][] = requests.map(() => []);
      for (const { request, ...row } of rows) pages[request]!.push(toOrderRecord(row));
      return pages;
    },
  };
}
