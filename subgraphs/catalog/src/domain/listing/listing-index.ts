import { currencyDigits } from '@shop/platform';
import { CategoryTree, type CategoryNode, type CategoryRecord } from '../category-tree';
import { isTombstone, type ProductRecord } from '../product';
import { cardEnd, parseStoredState, serializeState, type ProductState } from '../product-json';
import { keyOf, tokenize } from '../text';
import { Columns, SLOT_DEAD, SLOT_DELETED, SLOT_LIVE, SlotList, TOKEN_WEIGHT, weightedToken } from './columns';
import { AttributeDictionary, Dictionary } from './dictionary';
import { ladderStep } from './price-bands';
import { RecordCache } from './record-cache';
import { changeComparators, compareText, probeComparator, slotComparator, type OrderKeys } from './slot-orders';
import { SortedList } from './sorted-list';
import { PRESORTED_SORTS, type PresortedSort, type SortKeys } from './sorts';

/** How many parsed records to keep: the pages shoppers are reading, without holding the catalog twice. */
const PARSED_RECORDS = 2048;

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
  /** Live products by id: relevance pages break ties of score in this order. */
  readonly byId: SortedList<number>;
  /** Every product, deleted ones included, by update time then id: the change feed. */
  readonly changes: SortedList<number>;
  /** Grows on every change; caches key on it. */
  revision = 0;
  /** How many of the JSON states it was built from were written again (an older version's layout). */
  rewritten = 0;
  private readonly ids: string[] = [];
  /** JSON of each slot's state (record or tombstone); null once retired. */
  private readonly jsons: Array<string | null> = [];
  private readonly nameKeys: string[] = [];
  private readonly keys: OrderKeys = { columns: this.columns, idAt: (slot) => this.ids[slot]!, nameKeyAt: (slot) => this.nameKeys[slot]! };
  private readonly slots = new Map<string, number>();
  private readonly idsBySlug = new Map<string, string>();
  private readonly idsBySku = new Map<string, string>();
  /** Slots per category index, token, brand and attribute pair (append-only; retired slots are skipped by state). */
  private readonly categorySlots: SlotList[] = [];
  private readonly tokenSlots: SlotList[] = [];
  private readonly brandSlots: SlotList[] = [];
  private readonly pairSlots: SlotList[] = [];
  private retired = 0;
  private readonly parsed = new RecordCache(PARSED_RECORDS);
  private countsCache: { revision: number; counts: Int32Array } | null = null;
  private ranksCache: { revision: number; ranks: Int32Array } | null = null;

  private constructor(
    private readonly categoryRecords: readonly CategoryRecord[],
    states: Iterable<ProductState | string>,
  ) {
    this.tree = new CategoryTree(categoryRecords);
    const latest = new Map<string, { state: ProductState; json: string }>();
    for (const given of states) {
      const state = typeof given === 'string' ? parseStoredState(given) : given;
      // JSON written by an older version is written again, so that its card can be parsed alone.
      const kept = typeof given === 'string' && (isTombstone(state) || cardEnd(given) >= 0);
      if (typeof given === 'string' && !kept) this.rewritten++;
      const json = kept ? given : serializeState(state);
      latest.set(state.id, { state, json });
    }
    for (const { state, json } of latest.values()) this.place(state, json);
    const current = [...this.slots.values()];
    const live = current.filter((slot) => this.columns.state[slot] === SLOT_LIVE);
    this.orders = Object.fromEntries(
      PRESORTED_SORTS.map((sort) => [sort, SortedList.from(live, slotComparator(sort, this.keys))]),
    ) as Record<PresortedSort, SortedList<number>>;
    this.byId = SortedList.from(live, (a, b) => compareText(this.ids[a]!, this.ids[b]!));
    this.changes = SortedList.from(current, changeComparators(this.keys).slots);
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

  /** The live record of a slot (shared: do not modify it); null for a tombstone or a retired slot. */
  recordAt(slot: number): ProductRecord | null {
    const json = this.jsons[slot];
    if (json === null || json === undefined || this.columns.state[slot] !== SLOT_LIVE) return null;
    return this.parsed.read(slot, json, this.columns.cardEnd[slot]!);
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
    return probeComparator(sort, this.keys);
  }

  changeProbeComparator(): (slot: number, probe: SortKeys) => number {
    return changeComparators(this.keys).probe;
  }

  /** Adds or replaces a product (or records its deletion). */
  apply(state: ProductState): void {
    this.retire(state.id);
    const slot = this.place(state, serializeState(state));
    if (this.columns.state[slot] === SLOT_LIVE) {
      for (const sort of PRESORTED_SORTS) this.orders[sort].insert(slot);
      this.byId.insert(slot);
    }
    this.changes.insert(slot);
    this.revision++;
  }

  /** Forgets a product that is gone from the store altogether. */
  forget(id: string): void {
    if (this.retire(id)) this.revision++;
  }

  /**
   * Slot lists holding every product the filter can match (a superset), or null for "all
   * slots": the ids, or the rarest query word's products, or the filtered category's subtree.
   */
  candidates(filter: { ids: Set<string> | null; queryTokens: number[] | null; categoryMask: Uint8Array | null }): Int32Array[] | null {
    if (filter.ids) return [Int32Array.from([...filter.ids].map((id) => this.slots.get(id) ?? -1).filter((slot) => slot >= 0))];
    if (filter.queryTokens && filter.queryTokens.length > 0) {
      let rarest: SlotList | undefined;
      for (const token of filter.queryTokens) {
        const list = this.tokenSlots[token];
        if (!list) return [];
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      return rarest ? [rarest.view()] : [];
    }
    if (filter.categoryMask) {
      const mask = filter.categoryMask;
      const lists: Int32Array[] = [];
      this.categorySlots.forEach((list, category) => {
        if (mask[category] === 1) lists.push(list.view());
      });
      return lists;
    }
    return null;
  }

  /** Slots (retired ones included) of the products of a brand, or having an attribute pair. */
  postings(kind: 'brand' | 'pair', id: number): Int32Array {
    return (kind === 'brand' ? this.brandSlots : this.pairSlots)[id]?.view() ?? new Int32Array(0);
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

  /** Position of each live slot in the id order (by slot), for sorting by id with numbers. */
  idRanks(): Int32Array {
    if (this.ranksCache?.revision !== this.revision) {
      const ranks = new Int32Array(this.columns.size).fill(-1);
      const byId = this.byId.items;
      for (let rank = 0; rank < byId.length; rank++) ranks[byId[rank]!] = rank;
      this.ranksCache = { revision: this.revision, ranks };
    }
    return this.ranksCache.ranks;
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

  private retire(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const c = this.columns;
    const record = this.recordAt(slot);
    if (c.state[slot] === SLOT_LIVE) {
      for (const sort of PRESORTED_SORTS) this.orders[sort].remove(slot);
      this.byId.remove(slot);
    }
    this.changes.remove(slot);
    if (record) {
      if (this.idsBySlug.get(record.slug) === id) this.idsBySlug.delete(record.slug);
      for (const variant of record.variants) if (this.idsBySku.get(variant.sku) === id) this.idsBySku.delete(variant.sku);
    }
    c.state[slot] = SLOT_DEAD;
    this.jsons[slot] = null;
    this.parsed.forget(slot);
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
    c.cardEnd[slot] = isTombstone(state) ? -1 : cardEnd(json);
    if (isTombstone(state)) {
      c.state[slot] = SLOT_DELETED;
      c.category[slot] = -1;
      c.setAttrs(slot, []);
      c.setTokens(slot, []);
      this.nameKeys[slot] = '';
      return slot;
    }
    // A word weighs what its best place gives: name over brand over description.
    const weights = new Map<number, number>();
    for (const [text, weight] of [[state.description, TOKEN_WEIGHT.description], [state.brand, TOKEN_WEIGHT.brand], [state.name, TOKEN_WEIGHT.name]] as const) {
      for (const token of tokenize(text)) weights.set(this.tokens.intern(token), weight);
    }
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
    c.setTokens(slot, [...weights].map(([token, weight]) => weightedToken(token, weight)).sort((a, b) => a - b));
    this.nameKeys[slot] = keyOf(state.name);
    this.idsBySlug.set(state.slug, state.id);
    for (const variant of state.variants) this.idsBySku.set(variant.sku, state.id);
    for (const token of weights.keys()) (this.tokenSlots[token] ??= new SlotList()).push(slot);
    for (const pair of attrs) (this.pairSlots[pair] ??= new SlotList()).push(slot);
    (this.brandSlots[c.brand[slot]!] ??= new SlotList()).push(slot);
    if (c.category[slot]! >= 0) (this.categorySlots[c.category[slot]!] ??= new SlotList()).push(slot);
    return slot;
  }
}
