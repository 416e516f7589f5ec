import { Lru } from './lru';

/** Taken when a read to the store begins; only what it read is kept, and only if no write overtook it. */
export interface ReadTicket {
  sequence: number;
  startedAt: number;
}

export interface ReadCacheOptions {
  /** How long a value read is served from memory, counted from when its read began. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/**
 * A short-lived per-process cache of items read from the store, for shopper-facing reads only.
 * A value is served at most `ttlMs` after the read that fetched it began, so a write made by
 * another process shows within `ttlMs` (plus the store's own eventual consistency). Writes made
 * by this process invalidate their keys at once, and a read that began before such a write never
 * puts its (possibly older) answer back: every read and write takes a number from one sequence.
 */
export class ReadCache<V> {
  private sequence = 0;
  private readonly entries: Lru<string, { value: V; expiresAt: number }>;
  /** Key → sequence number of its last invalidation, oldest first; forgotten beyond maxEntries. */
  private readonly invalidated = new Map<string, number>();
  /** Reads that began at or before this number may predate a forgotten invalidation: not kept. */
  private horizon = 0;
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions) {
    this.entries = new Lru(options.maxEntries);
    this.now = options.now ?? Date.now;
  }

  begin(): ReadTicket {
    return { sequence: ++this.sequence, startedAt: this.now() };
  }

  /** The cached value, or undefined when absent or expired. */
  get(key: string): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return { value: entry.value };
    this.entries.delete(key);
    return undefined;
  }

  /** Keeps what a read fetched, except keys invalidated since the read began. */
  keep(ticket: ReadTicket, values: Iterable<readonly [string, V]>): void {
    const expiresAt = ticket.startedAt + this.options.ttlMs;
    if (ticket.sequence <= this.horizon || expiresAt <= this.now()) return;
    for (const [key, value] of values) {
      if ((this.invalidated.get(key) ?? 0) > ticket.sequence) continue;
      this.entries.set(key, { value, expiresAt });
    }
  }

  /** Forgets keys this process just wrote, and stops reads in flight from putting older values back. */
  invalidate(keys: Iterable<string>): void {
    const sequence = ++this.sequence;
    for (const key of keys) {
      this.entries.delete(key);
      this.invalidated.delete(key);
      this.invalidated.set(key, sequence);
    }
    while (this.invalidated.size > this.options.maxEntries) {
      const [oldest, at] = this.invalidated.entries().next().value as [string, number];
      this.invalidated.delete(oldest);
      this.horizon = Math.max(this.horizon, at);
    }
  }
}
