import { currencyDigits } from '@shop/platform';
import { CategoryTree, type CategoryNode, type CategoryRecord } from '../category-tree';
import { isTombstone, type ProductRecord } from '../product';
import { parseState, serializeState, type ProductState } from '../product-json';
import { keyOf, tokenize } from '../text';
import { Columns, SLOT_DEAD, SLOT_DELETED, SLOT_LIVE } from './columns';
import { AttributeDictionary, Dictionary } from './dictionary';
import { ladderStep } from './price-bands';
import { SortedList } from './sorted-list';
import { PRESORTED_SORTS, type PresortedSort, type SortKeys } from './sorts';

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The catalog read model: every product in memory (as its JSON text) with lookups by id, slug
 * and SKU, its listing fields in columns, one presorted slot list per listing order, and postings
 * per category and per search word, so that entity references, a listing page, its total and its
 * facets cost no datastore query. A change appends a new slot and retires the old one. The store
 * stays the source of truth; `ListingSync` keeps this in step.
 */
export class ListingIndex {
  readonly tree: CategoryTree;
  readonly tokens = new Dictionary();
  readonly brands = new Dictionary();
  readonly attributes = new AttributeDictionary();
  readonly currencies = new Dictionary();
  readonly columns = new Columns();
  readonly orders: Record<PresortedSort, SortedList<number>>;
  /** Every product, deleted ones included, by update time then id: the change feed. */
  readonly changes: SortedList<number>;
  /** Grows on every change; caches key on it. */
  revision = 0;
  private readonly ids: string[] = [];
  /** JSON of each slot's state (record or tombstone); null once retired. */
  private readonly jsons: Array<string | null> = [];
  private readonly nameKeys: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly idsBySlug = new Map<string, string>();
  private readonly idsBySku = new Map<string, string>();
  /** Slots per category index and per token id (append-only; retired slots are skipped by state). */
  private readonly categorySlots: number[][] = [];
  private readonly tokenSlots: number[][] = [];
  private retired = 0;
  private countsCache: { revision: number; counts: Int32Array } | null = null;

  private constructor(
    private readonly categoryRecords: readonly CategoryRecord[],
    states: Iterable<ProductState | string>,
  ) {
    this.tree = new CategoryTree(categoryRecords);
    const latest = new Map<string, { state: ProductState; json: string }>();
    for (const given of states) {
      const state = typeof given === 'string' ? parseState(given) : given;
      latest.set(state.id, { state, json: typeof given === 'string' ? given : serializeState(state) });
    }
    for (const { state, json } of latest.values()) this.place(state, json);
    const current = [...this.slots.values()];
    const live = current.filter((slot) => this.columns.state[slot] === SLOT_LIVE);
    this.orders = Object.fromEntries(
      PRESORTED_SORTS.map((sort) => [sort, SortedList.from(live, this.slotComparator(sort))]),
    ) as Record<PresortedSort, SortedList<number>>;
    this.changes = SortedList.from(current, (a, b) => this.columns.updatedAt[a]! - this.columns.updatedAt[b]! || compareText(this.ids[a]!, this.ids[b]!));
  }

  /** Builds an index from product states, or from their JSON (as the snapshot stores them). */
  static build(categories: readonly CategoryRecord[], states: Iterable<ProductState | string>): ListingIndex {
    return new ListingIndex(categories, states);
  }

  get liveCount(): number {
    return this.orders.NEWEST.length;
  }

  /** Number of slots, retired ones included (scans check the state column). */
  get slotCount(): number {
    return this.columns.size;
  }

  idAt(slot: number): string {
    return this.ids[slot]!;
  }

  /** The live record of a slot; null for a tombstone or a retired slot. */
  recordAt(slot: number): ProductRecord | null {
    const json = this.jsons[slot];
    if (json === null || json === undefined || this.columns.state[slot] !== SLOT_LIVE) return null;
    const state = parseState(json);
    return isTombstone(state) ? null : state;
  }

  /** A live product by id; null when unknown or deleted. */
  record(id: string): ProductRecord | null {
    const slot = this.slots.get(id);
    return slot === undefined ? null : this.recordAt(slot);
  }

  /** What the index knows of a product id: live record or tombstone, with its update time. */
  state(id: string): { record: ProductRecord | null; updatedAt: number } | null {
    const slot = this.slots.get(id);
    return slot === undefined ? null : { record: this.recordAt(slot), updatedAt: this.columns.updatedAt[slot]! };
  }

  idBySlug(slug: string): string | null {
    return this.idsBySlug.get(slug) ?? null;
  }

  /** Id of the live product owning a SKU. */
  idBySku(sku: string): string | null {
    return this.idsBySku.get(sku) ?? null;
  }

  sortKeys(slot: number): SortKeys {
    const c = this.columns;
    return { id: this.ids[slot]!, createdAt: c.createdAt[slot]!, price: c.price[slot]!, nameKey: this.nameKeys[slot]!, updatedAt: c.updatedAt[slot]! };
  }

  /** Compares a slot with a cursor position, in the order of `sort`. */
  probeComparator(sort: PresortedSort): (slot: number, probe: SortKeys) => number {
    const c = this.columns;
    const byId = (slot: number, probe: SortKeys) => compareText(this.ids[slot]!, probe.id);
    switch (sort) {
      case 'NEWEST':
        return (slot, probe) => probe.createdAt - c.createdAt[slot]! || byId(slot, probe);
      case 'PRICE_ASC':
        return (slot, probe) => c.price[slot]! - probe.price || byId(slot, probe);
      case 'PRICE_DESC':
        return (slot, probe) => probe.price - c.price[slot]! || byId(slot, probe);
      case 'NAME_ASC':
        return (slot, probe) => compareText(this.nameKeys[slot]!, probe.nameKey) || byId(slot, probe);
      case 'NAME_DESC':
        return (slot, probe) => compareText(probe.nameKey, this.nameKeys[slot]!) || byId(slot, probe);
    }
  }

  changeProbeComparator(): (slot: number, probe: SortKeys) => number {
    return (slot, probe) => this.columns.updatedAt[slot]! - probe.updatedAt || compareText(this.ids[slot]!, probe.id);
  }

  /** Adds or replaces a product (or records its deletion). */
  apply(state: ProductState): void {
    this.retire(state.id);
    const slot = this.place(state, serializeState(state));
    if (this.columns.state[slot] === SLOT_LIVE) for (const sort of PRESORTED_SORTS) this.orders[sort].insert(slot);
    this.changes.insert(slot);
    this.revision++;
  }

  /** Forgets a product that is gone from the store altogether. */
  forget(id: string): void {
    if (this.retire(id)) this.revision++;
  }

  /**
   * Slot lists holding every product the filter can match (a superset), or null for "all
   * slots": the rarest query word's products, or the filtered category's subtree, or the ids.
   */
  candidates(filter: { ids: Set<string> | null; queryTokens: number[] | null; categoryMask: Uint8Array | null }): number[][] | null {
    if (filter.ids) return [[...filter.ids].map((id) => this.slots.get(id)).filter((slot): slot is number => slot !== undefined)];
    if (filter.queryTokens && filter.queryTokens.length > 0) {
      const lists = filter.queryTokens.map((token) => this.tokenSlots[token] ?? []);
      return [lists.reduce((rarest, list) => (list.length < rarest.length ? list : rarest))];
    }
    if (filter.categoryMask) {
      const mask = filter.categoryMask;
      return this.categorySlots.filter((_, category) => mask[category] === 1);
    }
    return null;
  }

  /** Retired slots pile up with changes; a rebuilt index drops them. */
  needsCompaction(): boolean {
    return this.retired > 10_000 && this.retired > this.slots.size;
  }

  compacted(): ListingIndex {
    return ListingIndex.build(this.categoryRecords, this.serializedStates());
  }

  /** The JSON of every product's current state (records and tombstones), for the snapshot. */
  serializedStates(): string[] {
    return [...this.slots.values()].map((slot) => this.jsons[slot]!);
  }

  /** Live products per category, each counted in its leaf and every ancestor. */
  productCount(node: CategoryNode): number {
    if (this.countsCache?.revision !== this.revision) {
      const counts = new Int32Array(this.tree.size);
      const c = this.columns;
      for (let slot = 0; slot < c.size; slot++) {
        if (c.state[slot] !== SLOT_LIVE || c.category[slot]! < 0) continue;
        const leaf = this.tree.node(c.category[slot]!);
        counts[leaf.index]! += 1;
        for (const ancestor of leaf.ancestors) counts[ancestor]! += 1;
      }
      this.countsCache = { revision: this.revision, counts };
    }
    return this.countsCache.counts[node.index] ?? 0;
  }

  private slotComparator(sort: PresortedSort): (a: number, b: number) => number {
    const c = this.columns;
    const byId = (a: number, b: number) => compareText(this.ids[a]!, this.ids[b]!);
    const byName = (a: number, b: number) => compareText(this.nameKeys[a]!, this.nameKeys[b]!);
    switch (sort) {
      case 'NEWEST':
        return (a, b) => c.createdAt[b]! - c.createdAt[a]! || byId(a, b);
      case 'PRICE_ASC':
        return (a, b) => c.price[a]! - c.price[b]! || byId(a, b);
      case 'PRICE_DESC':
        return (a, b) => c.price[b]! - c.price[a]! || byId(a, b);
      case 'NAME_ASC':
        return (a, b) => byName(a, b) || byId(a, b);
      case 'NAME_DESC':
        return (a, b) => byName(b, a) || byId(a, b);
    }
  }

  private retire(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const c = this.columns;
    const record = this.recordAt(slot);
    if (c.state[slot] === SLOT_LIVE) for (const sort of PRESORTED_SORTS) this.orders[sort].remove(slot);
    this.changes.remove(slot);
    if (record) {
      if (this.idsBySlug.get(record.slug) === id) this.idsBySlug.delete(record.slug);
      for (const variant of record.variants) if (this.idsBySku.get(variant.sku) === id) this.idsBySku.delete(variant.sku);
    }
    c.state[slot] = SLOT_DEAD;
    this.jsons[slot] = null;
    this.slots.delete(id);
    this.retired++;
    return true;
  }

  private place(state: ProductState, json: string): number {
    const c = this.columns;
    const slot = c.addSlot();
    this.slots.set(state.id, slot);
    this.ids[slot] = state.id;
    this.jsons[slot] = json;
    c.updatedAt[slot] = state.updatedAt.getTime();
    if (isTombstone(state)) {
      c.state[slot] = SLOT_DELETED;
      c.category[slot] = -1;
      c.setAttrs(slot, []);
      c.setTokens(slot, [], [], []);
      this.nameKeys[slot] = '';
      return slot;
    }
    const nameTokens = tokenize(state.name).map((token) => this.tokens.intern(token));
    const brandTokens = tokenize(state.brand).map((token) => this.tokens.intern(token));
    const tokens = new Set<number>([...nameTokens, ...brandTokens]);
    for (const token of tokenize(state.description)) tokens.add(this.tokens.intern(token));
    const attrs = new Set<number>();
    for (const { name, value } of state.attributes) attrs.add(this.attributes.intern(keyOf(name), name.trim(), keyOf(value), value.trim()));
    const priceMajor = state.priceMinor / 10 ** currencyDigits(state.currencyCode);
    c.state[slot] = SLOT_LIVE;
    c.brand[slot] = this.brands.intern(keyOf(state.brand), state.brand.trim());
    c.category[slot] = this.tree.byIdOrNull(state.categoryId)?.index ?? -1;
    c.currency[slot] = this.currencies.intern(state.currencyCode);
    c.price[slot] = state.priceMinor;
    c.priceMajor[slot] = priceMajor;
    c.step[slot] = ladderStep(priceMajor);
    c.createdAt[slot] = state.createdAt.getTime();
    c.setAttrs(slot, [...attrs].sort((a, b) => a - b));
    c.setTokens(slot, [...tokens].sort((a, b) => a - b), nameTokens, brandTokens);
    this.nameKeys[slot] = keyOf(state.name);
    this.idsBySlug.set(state.slug, state.id);
    for (const variant of state.variants) this.idsBySku.set(variant.sku, state.id);
    for (const token of tokens) (this.tokenSlots[token] ??= []).push(slot);
    if (c.category[slot]! >= 0) (this.categorySlots[c.category[slot]!] ??= []).push(slot);
    return slot;
  }
}
