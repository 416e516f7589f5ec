import { circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, isBrokenCircuitError, type CircuitBreakerPolicy } from 'cockatiel';
import type { Logger } from '@shop/platform';
import { subgraphUnavailable, type UnavailableReason } from './gateway-errors';

export interface BreakerSettings {
  /** Consecutive failures (network errors, timeouts, HTTP 5xx) that open a subgraph's breaker. */
  failureThreshold: number;
  /** How long an open breaker fails calls fast before it lets one probe through (half-open). */
  coolDownMs: number;
}

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { failureThreshold: 5, coolDownMs: 10_000 };

export type BreakerStateName = 'closed' | 'open' | 'half-open';

/** What `/ready` reports per subgraph. */
export interface SubgraphHealth {
  state: BreakerStateName;
  /** While open: when the next call may probe the subgraph (ISO 8601). */
  retryAt?: string;
  /** Why it last failed: timeout, unreachable or error-status. */
  lastFailure?: UnavailableReason;
}

/** A failure of the subgraph itself (as opposed to an answer we did not like). */
export class SubgraphFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    cause?: unknown,
  ) {
    super(`subgraph ${reason}`, { cause });
    this.name = 'SubgraphFailure';
  }
}

const STATE_NAMES: Record<CircuitState, BreakerStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/**
 * One circuit breaker per subgraph (cockatiel's consecutive breaker): after `failureThreshold`
 * failures in a row the subgraph's calls fail fast with SUBGRAPH_UNAVAILABLE for `coolDownMs`;
 * then one call probes it (half-open): success closes the breaker, failure opens it again.
 * State changes are logged; `states()` feeds the gateway's `/ready`.
 */
export class SubgraphBreakers {
  private readonly breakers = new Map<string, { policy: CircuitBreakerPolicy; openedAt?: number; lastFailure?: UnavailableReason }>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
  ) {}

  /** Runs one call to `subgraph` through its breaker; `call` throws SubgraphFailure for what counts against it. */
  async run<T>(subgraph: string, call: () => Promise<T>): Promise<T> {
    const entry = this.entry(subgraph);
    try {
      return await entry.policy.execute(call);
    } catch (error) {
      if (isBrokenCircuitError(error)) throw subgraphUnavailable(subgraph, 'circuit-open', this.retryAfterSeconds(entry.openedAt));
      if (error instanceof SubgraphFailure) throw subgraphUnavailable(subgraph, error.reason);
      throw error;
    }
  }

  /** Makes a subgraph known (and listed by `states()`) before its first call. */
  track(subgraph: string): void {
    this.entry(subgraph);
  }

  states(): Record<string, SubgraphHealth> {
    const states: Record<string, SubgraphHealth> = {};
    for (const [name, entry] of [...this.breakers].sort(([a], [b]) => a.localeCompare(b))) {
      const state = STATE_NAMES[entry.policy.state];
      states[name] = {
        state,
        ...(state === 'open' && entry.openedAt !== undefined ? { retryAt: new Date(entry.openedAt + this.settings.coolDownMs).toISOString() } : {}),
        ...(entry.lastFailure ? { lastFailure: entry.lastFailure } : {}),
      };
    }
    return states;
  }

  private retryAfterSeconds(openedAt: number | undefined): number {
    const remaining = openedAt === undefined ? this.settings.coolDownMs : openedAt + this.settings.coolDownMs - Date.now();
    return Math.max(1, Math.ceil(remaining / 1000));
  }

  private entry(subgraph: string) {
    const existing = this.breakers.get(subgraph);
    if (existing) return existing;
    const policy = circuitBreaker(
      handleWhen((error) => error instanceof SubgraphFailure),
      { halfOpenAfter: this.settings.coolDownMs, breaker: new ConsecutiveBreaker(this.settings.failureThreshold) },
    );
    const entry: { policy: CircuitBreakerPolicy; openedAt?: number; lastFailure?: UnavailableReason } = { policy };
    policy.onFailure(({ reason }) => {
      if ('error' in reason && reason.error instanceof SubgraphFailure) entry.lastFailure = reason.error.reason;
    });
    policy.onBreak(() => {
      entry.openedAt = Date.now();
      this.logger.warn(
        { subgraph, breaker: 'open', lastFailure: entry.lastFailure, coolDownMs: this.settings.coolDownMs },
        'subgraph breaker opened: calls fail fast until the cool-down ends',
      );
    });
    policy.onHalfOpen(() => this.logger.info({ subgraph, breaker: 'half-open' }, 'subgraph breaker half-open: probing'));
    policy.onReset(() => {
      entry.openedAt = undefined;
      this.logger.info({ subgraph, breaker: 'closed' }, 'subgraph breaker closed: the subgraph answers again');
    });
    this.breakers.set(subgraph, entry);
    return entry;
  }
}
