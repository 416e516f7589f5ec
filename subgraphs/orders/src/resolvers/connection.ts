import { z } from 'zod';
import { decodeCursor, encodeCursor, pageSize } from '@shop/platform';
import type { Context } from '../context';
import { LISTED_STATUSES } from '../domain/order-status';
import type { OrderConnectionModel } from './mappers';

const LIST = 'orders';
const positionSchema = z.object({ s: z.number().int().positive() });

/** A page of the given customers' placed orders, newest first, keyset on the order's sequence. */
export async function orderConnection(
  context: Context,
  customers: string[],
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<OrderConnectionModel> {
  const size = pageSize(first, { defaultSize: 20, max: 100 });
  const afterSeq = after ? decodeCursor(LIST, after, positionSchema).s : null;
  const rows =
    size === 0 || customers.length === 0
      ? []
      : await context.loaders.orderPage.load({ customers, statuses: LISTED_STATUSES, afterSeq, limit: size + 1 });
  const edges = rows.slice(0, size).map((node) => ({ cursor: encodeCursor(LIST, { s: node.seq }), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: afterSeq !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
