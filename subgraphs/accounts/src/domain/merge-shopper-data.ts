import { createServiceClient, type Logger } from '@shop/platform';

/** Moves a guest's cart and activity to the user who just signed in. Never throws. */
export type MergeShopperData = (from: string, to: string, logger: Logger, requestId: string) => Promise<void>;

const MERGE_CART = 'mutation MergeCarts($from: String!, $to: String!) { mergeCarts(from: $from, to: $to) { __typename } }';
const MERGE_ACTIVITY = 'mutation MergeActivity($from: String!, $to: String!) { mergeShopperActivity(from: $from, to: $to) }';

/**
 * Calls cart `mergeCarts` and activity `mergeShopperActivity` (both idempotent) in parallel.
 * A subgraph that is down or refuses is logged and skipped: signing in must not fail because
 * a cart could not be merged; the guest data stays where it was.
 */
export function createShopperDataMerger(options: {
  cartUrl: string;
  activityUrl: string;
  identitySecret: string;
  timeoutMs: number;
}): MergeShopperData {
  const cart = createServiceClient({ service: 'accounts', url: options.cartUrl, identitySecret: options.identitySecret });
  const activity = createServiceClient({ service: 'accounts', url: options.activityUrl, identitySecret: options.identitySecret });
  return async (from, to, logger, requestId) => {
    const calls = [
      { target: 'cart', run: () => cart.request(MERGE_CART, { from, to }, { requestId, timeoutMs: options.timeoutMs }) },
      { target: 'activity', run: () => activity.request(MERGE_ACTIVITY, { from, to }, { requestId, timeoutMs: options.timeoutMs }) },
    ];
    const results = await Promise.allSettled(calls.map((call) => call.run()));
    results.forEach((result, index) => {
      if (result.status === 'rejected') {
        logger.warn({ err: result.reason, target: calls[index]!.target, from, to }, 'could not merge guest data at sign-in; continuing');
      }
    });
  };
}
