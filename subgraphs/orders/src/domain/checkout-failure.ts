import { userError, type UserError } from '@shop/platform';

/** An expected end of a checkout: the order becomes FAILED with this code and these userErrors. */
export class CheckoutFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userErrors: UserError[] = [userError(code, message)],
  ) {
    super(message);
    this.name = 'CheckoutFailure';
  }
}

/** Another worker (the reconciler, after our lease ran out) has taken the order over. */
export class LostOwnership extends Error {
  constructor(orderId: string) {
    super(`order ${orderId} was taken over by another worker`);
    this.name = 'LostOwnership';
  }
}

/** What a failure that nobody planned for looks like to the shopper. */
export function unexpectedFailure(): CheckoutFailure {
  return new CheckoutFailure(
    'UNAVAILABLE',
    'Checkout could not be completed right now and nothing was charged; please try again with a new idempotency key.',
  );
}
