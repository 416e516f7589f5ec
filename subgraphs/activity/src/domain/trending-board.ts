/** What trending is made of for one category: each source's product ids, best first. */
export interface TrendingSources {
  /** Time-decayed recent interest. */
  ranked: string[];
  /** All-time purchases. */
  bestSellers: string[];
  /** The catalog's newest products. */
  newest: string[];
  /** A source failed with no earlier list to fall back on (e.g. the catalog not up yet): load again at the next ask. */
  incomplete?: boolean;
}

/** Loads a category's sources; `previous` is what the board held, for sources that fail to load. */
export type LoadTrendingSources = (category: string | null, previous: TrendingSources | null) => Promise<TrendingSources>;

export interface TrendingBoardOptions {
  /** A category's lists are loaded again when older than this. */
  refreshMs: number;
  /** Categories nobody asked for during this long are forgotten at the next refresh. */
  idleMs: number;
  /** At most this many categories are kept (the least recently asked go first). */
  maxCategories: number;
}

interface Entry {
  category: string | null;
  sources: TrendingSources | null;
  loadedAt: number;
  askedAt: number;
  loading: Promise<TrendingSources> | null;
}

/**
 * The trending lists of each category asked for, kept in memory and refreshed in the background
 * (by `refreshAll` on a timer, and by any read that finds its lists older than `refreshMs`), so
 * only the first request for a category waits for Cassandra or the catalog. Concurrent loads of
 * one category are shared.
 */
export class TrendingBoard {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: LoadTrendingSources,
    private readonly options: TrendingBoardOptions,
    private readonly clock: () => number = Date.now,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async sources(category: string | null): Promise<TrendingSources> {
    const key = category ?? '';
    const now = this.clock();
    const entry = this.entries.get(key) ?? { category, sources: null, loadedAt: 0, askedAt: now, loading: null };
    entry.askedAt = now;
    // Re-inserted so that the map's order is the order of the last ask (first = least recent).
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxCategories) this.entries.delete(this.entries.keys().next().value!);
    if (!entry.sources || entry.sources.incomplete) return this.refresh(entry);
    if (now - entry.loadedAt >= this.options.refreshMs) this.refresh(entry).catch(this.onError);
    return entry.sources;
  }

  /** Loads again every category asked for lately; forgets the others. */
  async refreshAll(): Promise<void> {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (now - entry.askedAt > this.options.idleMs) this.entries.delete(key);
    await Promise.all([...this.entries.values()].map((entry) => this.refresh(entry).catch(this.onError)));
  }

  get size(): number {
    return this.entries.size;
  }

  private refresh(entry: Entry): Promise<TrendingSources> {
    entry.loading ??= this.load(entry.category, entry.sources).then(
      (sources) => {
        entry.sources = sources;
        entry.loadedAt = this.clock();
        entry.loading = null;
        return sources;
      },
      (error: unknown) => {
        entry.loading = null;
        throw error;
      },
    );
    return entry.loading;
  }
}
