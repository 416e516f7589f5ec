import type { EventRejection } from '../domain/events';
import { parseMerge, parseShopperKey } from '../domain/shopper';
import { mergeShopperActivity } from '../use-cases/history';
import { recordEvents, type RecordEventsResult } from '../use-cases/record-events';
import type { MutationResolvers, RecordEventsPayload } from '../generated/resolvers-types';
import { requireService, requireShopper } from './access';

const userErrorOf = (rejection: EventRejection) => ({
  field: ['events', String(rejection.index), ...(rejection.field ? [rejection.field] : [])],
  message: rejection.message,
  code: rejection.code,
});

export function toPayload(result: RecordEventsResult): RecordEventsPayload {
  return {
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected,
    userErrors: result.rejected.map(userErrorOf),
  };
}

export const Mutation: MutationResolvers = {
  recordEvents: async (_parent, { events }, { identity, deps }) => {
    const shopper = requireShopper(identity);
    return toPayload(await recordEvents(deps, shopper, events, { allowPurchase: false }));
  },

  recordShopperEvents: async (_parent, { shopper, events }, { identity, deps }) => {
    requireService(identity);
    const key = parseShopperKey(shopper, 'shopper');
    return toPayload(await recordEvents(deps, key, events, { allowPurchase: true }));
  },

  mergeShopperActivity: async (_parent, { from, to }, { identity, deps }) => {
    requireService(identity);
    const merge = parseMerge(from, to);
    return mergeShopperActivity(deps, merge.from, merge.to);
  },
};
