interface Entry<V> {
  value: Promise<V>;
  settled?: { value: V };
  expiresAt: number;
}

/**
 * A small in-memory TTL cache for resolved credentials. Concurrent lookups of one key share
 * one load; a failed load is not cached; the oldest entries go first when it is full.
 */
export class CredentialCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly options: { maxEntries: number; ttlMs: (value: V) => number },
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const existing = this.entries.get(key);
    if (existing && existing.expiresAt > this.now()) return existing.value;
    this.entries.delete(key);
    const entry: Entry<V> = { value: load(), expiresAt: Number.POSITIVE_INFINITY };
    entry.value.then(
      (value) => {
        entry.settled = { value };
        entry.expiresAt = this.now() + this.options.ttlMs(value);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry.value;
  }

  /** Drops every entry whose resolved value matches (revoked sessions or keys). */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (entry.settled && matches(entry.settled.value)) this.entries.delete(key);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
