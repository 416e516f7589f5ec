import { newId } from '../../lib/ids';
import { session } from '../../lib/storage';

const KEY = 'shop.checkout.attempt';

/**
 * The idempotency key of the checkout attempt in flight. It survives retries and reloads of the
 * same attempt (so a retry after a lost answer can never charge twice) and is dropped once the
 * server gave a definite outcome, so the next attempt gets a new key.
 */
export const checkoutAttempt = {
  key(): string {
    const existing = session.get(KEY);
    if (existing && /^[A-Za-z0-9_.:-]{8,128}$/.test(existing)) return existing;
    const key = `web-${newId()}`;
    session.set(KEY, key);
    return key;
  },
  pending(): boolean {
    return session.get(KEY) !== null;
  },
  settled(): void {
    session.remove(KEY);
  },
};
