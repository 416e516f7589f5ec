import { monthsBetween } from '../domain/buckets';
import { historyTtlSeconds } from '../domain/history';
import type { ActivityDeps } from './deps';

const DAY_MS = 86_400_000;

/** The history partitions (months) that can still hold rows, newest first. */
export function retainedMonths(deps: ActivityDeps): number[] {
  const now = deps.now();
  return monthsBetween(new Date(now.getTime() - deps.settings.retentionDays * DAY_MS), now);
}

/**
 * Moves a guest's history into the user's on sign-in: copy each row under the user with the
 * time it has left, then delete the guest's rows written before the copy began (events the
 * guest sends meanwhile survive for the next merge). Safe to repeat.
 */
export async function mergeShopperActivity(deps: ActivityDeps, from: string, to: string): Promise<boolean> {
  const { events } = deps.repositories;
  const months = retainedMonths(deps);
  const startedMicros = BigInt(Date.now()) * 1000n;
  const rows = await events.readAllHistory(from, months);
  if (rows.length === 0) return true;
  const now = deps.now();
  await events.appendHistory(
    rows.map((row) => ({
      ...row,
      shopper: to,
      ttlSeconds: row.ttlSeconds > 0 ? row.ttlSeconds : historyTtlSeconds(row.at, now, deps.settings.retentionDays),
    })),
  );
  await events.deleteHistory(from, months, startedMicros);
  return true;
}
