import type { MutationResolvers } from '../generated/resolvers-types';
import { adjustStock } from '../use-cases/adjust-stock';
import { commitStock } from '../use-cases/commit-stock';
import { releaseStock } from '../use-cases/release-stock';
import { reserveStock } from '../use-cases/reserve-stock';
import { assertAdmin, assertService } from './access';

export const Mutation: MutationResolvers = {
  reserve: (_parent, { orderId, lines, region }, { identity, store }) => {
    assertService(identity);
    return reserveStock(store, { orderId, lines, region });
  },
  release: (_parent, { orderId }, { identity, store }) => {
    assertService(identity);
    return releaseStock(store, orderId);
  },
  commit: (_parent, { orderId }, { identity, store }) => {
    assertService(identity);
    return commitStock(store, orderId);
  },
  restock: (_parent, args, { identity, store }) => {
    assertAdmin(identity);
    return adjustStock(store, args, 'add');
  },
  setStock: (_parent, args, { identity, store }) => {
    assertAdmin(identity);
    return adjustStock(store, args, 'set');
  },
};
