import type { AttemptCount } from '../data-access/throttle-repository';

export interface ThrottlePolicy {
  windowSeconds: number;
  maxAttemptsPerAccount: number;
  maxAttemptsPerAddress: number;
}

export const accountKey = (email: string) => `account:${email}`;
export const addressKey = (address: string) => `address:${address}`;

/** Whether any counted key went over its limit in the current window. */
export function isThrottled(counts: AttemptCount[], policy: ThrottlePolicy): boolean {
  return counts.some((count) =>
    count.key.startsWith('account:') ? count.attempts > policy.maxAttemptsPerAccount : count.attempts > policy.maxAttemptsPerAddress,
  );
}
