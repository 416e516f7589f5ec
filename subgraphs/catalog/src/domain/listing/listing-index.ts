import { currencyDigits } from '@shop/platform';
import { CategoryTree, type CategoryNode, type CategoryRecord } from '../category-tree';
import { isTombstone, type ProductRecord, type ProductTombstone } from '../product';
import { keyOf, tokenize } from '../text';
import { Columns, SLOT_DEAD, SLOT_DELETED, SLOT_LIVE } from './columns';
import { AttributeDictionary, Dictionary } from './dictionary';
import { ladderStep } from './price-bands';
import { SortedList } from './sorted-list';
import { PRESORTED_SORTS, type PresortedSort, type SortKeys } from './sorts';

/** What the index keeps per slot besides the columns. */
export interface SlotMeta {
  id: string;
  /** Null for a deleted product (tombstone) or a replaced slot. */
  record: ProductRecord | null;
  nameKey: string;
  nameTokens: number[];
  brandTokens: number[];
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The catalog read model: every product in memory with lookups by id, slug and SKU, its listing
 * fields in columns, and one presorted slot list per listing order, so that entity references,
 * a listing page, its total and its facets cost no datastore query. A change appends a new slot
 * and retires the old one. The store stays the source of truth; `ListingSync` keeps this in step.
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
  private readonly metas: SlotMeta[] = [];
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
    states: Iterable<ProductRecord | ProductTombstone>,
  ) {
    this.tree = new CategoryTree(categoryRecords);
    const latest = new Map<string, ProductRecord | ProductTombstone>();
    for (const state of states) latest.set(state.id, state);
    for (const state of latest.values()) this.place(state);
    const current = [...this.slots.values()];
    const live = current.filter((slot) => this.columns.state[slot] === SLOT_LIVE);
    this.orders = Object.fromEntries(
      PRESORTED_SORTS.map((sort) => [sort, SortedList.from(live, this.slotComparator(sort))]),
    ) as Record<PresortedSort, SortedList<number>>;
    this.changes = SortedList.from(current, this.changeComparator());
  }

  static build(categories: readonly CategoryRecord[], states: Iterable<ProductRecord | ProductTombstone>): ListingIndex {
    return new ListingIndex(categories, states);
  }

  get liveCount(): number {
    return this.orders.NEWEST.length;
  }

  /** Number of slots, retired ones included (scans go over 0..slotCount-1 and check the state column). */
  get slotCount(): number {
    return this.columns.size;
  }

  meta(slot: number): SlotMeta {
    return this.metas[slot]!;
  }

  /** A live product by id; null when unknown or deleted. */
  record(id: string): ProductRecord | null {
    const slot = this.slots.get(id);
    return slot === undefined ? null : this.metas[slot]!.record;
  }

  /** What the index knows of a product id: live record or tombstone, with its update time. */
  state(id: string): { record: ProductRecord | null; updatedAt: number } | null {
    const slot = this.slots.get(id);
    return slot === undefined ? null : { record: this.metas[slot]!.record, updatedAt: this.columns.updatedAt[slot]! };
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
    return { id: this.metas[slot]!.id, createdAt: c.createdAt[slot]!, price: c.price[slot]!, nameKey: this.metas[slot]!.nameKey, updatedAt: c.updatedAt[slot]! };
  }

  /** Compares a slot with a cursor position, in the order of `sort`. */
  probeComparator(sort: PresortedSort): (slot: number, probe: SortKeys) => number {
    const c = this.columns;
    const metas = this.metas;
    const byId = (slot: number, probe: SortKeys) => compareText(metas[slot]!.id, probe.id);
    switch (sort) {
      case 'NEWEST':
        return (slot, probe) => probe.createdAt - c.createdAt[slot]! || byId(slot, probe);
      case 'PRICE_ASC':
        return (slot, probe) => c.price[slot]! - probe.price || byId(slot, probe);
      case 'PRICE_DESC':
        return (slot, probe) => probe.price - c.price[slot]! || byId(slot, probe);
      case 'NAME_ASC':
        return (slot, probe) => compareText(metas[slot]!.nameKey, probe.nameKey) || byId(slot, probe);
      case 'NAME_DESC':
        return (slot, probe) => compareText(probe.nameKey, metas[slot]!.nameKey) || byId(slot, probe);
    }
  }

  changeProbeComparator(): (slot: number, probe: SortKeys) => number {
    return (slot, probe) => this.columns.updatedAt[slot]! - probe.updatedAt || compareText(this.metas[slot]!.id, probe.id);
  }

  /** Adds or replaces a product (or records its deletion). */
  apply(state: ProductRecord | ProductTombstone): void {
    this.retire(state.id);
    const slot = this.place(state);
    if (this.columns.state[slot] === SLOT_LIVE) for (const sort of PRESORTED_SORTS) this.orders[sort].insert(slot);
    this.changes.insert(slot);
    this.revision++;
  }

  /** Forgets a product that is gone from the store altogether. */
  forget(id: string): void {
    if (this.retire(id)) this.revision++;
  }

  /**
   * Slot lists that hold every product the filter can match (a superset), or null for "all
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
    return ListingIndex.build(this.categoryRecords, this.states());
  }

  /** The current state of every product it knows (records and tombstones). */
  states(): Array<ProductRecord | ProductTombstone> {
    return [...this.slots.entries()].map(([id, slot]) =>
      this.metas[slot]!.record ?? { id, deleted: true as const, updatedAt: new Date(this.columns.updatedAt[slot]!) },
    );
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
    const metas = this.metas;
    const byId = (a: number, b: number) => compareText(metas[a]!.id, metas[b]!.id);
    switch (sort) {
      case 'NEWEST':
        return (a, b) => c.createdAt[b]! - c.createdAt[a]! || byId(a, b);
      case 'PRICE_ASC':
        return (a, b) => c.price[a]! - c.price[b]! || byId(a, b);
      case 'PRICE_DESC':
        return (a, b) => c.price[b]! - c.price[a]! || byId(a, b);
      case 'NAME_ASC':
        return (a, b) => compareText(metas[a]!.nameKey, metas[b]!.nameKey) || byId(a, b);
      case 'NAME_DESC':
        return (a, b) => compareText(metas[b]!.nameKey, metas[a]!.nameKey) || byId(a, b);
    }
  }

  private changeComparator(): (a: number, b: number) => number {
    const c = this.columns;
    return (a, b) => c.updatedAt[a]! - c.updatedAt[b]! || compareText(this.metas[a]!.id, this.metas[b]!.id);
  }

  private retire(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    const c = this.columns;
    if (c.state[slot] === SLOT_LIVE) for (const sort of PRESORTED_SORTS) this.orders[sort].remove(slot);
    this.changes.remove(slot);
    const record = this.metas[slot]!.record;
    if (record) {
      if (this.idsBySlug.get(record.slug) === id) this.idsBySlug.delete(record.slug);
      for (const variant of record.variants) if (this.idsBySku.get(variant.sku) === id) this.idsBySku.delete(variant.sku);
    }
    c.state[slot] = SLOT_DEAD;
    this.metas[slot] = { id, record: null, nameKey: '', nameTokens: [], brandTokens: [] };
    this.slots.delete(id);
    this.retired++;
    return true;
  }

  private place(state: ProductRecord | ProductTombstone): number {
    const c = this.columns;
    const slot = c.addSlot();
    this.slots.set(state.id, slot);
    c.updatedAt[slot] = state.updatedAt.getTime();
    if (isTombstone(state)) {
      c.state[slot] = SLOT_DELETED;
      c.category[slot] = -1;
      c.setAttrs(slot, []);
      c.setTokens(slot, []);
      this.metas[slot] = { id: state.id, record: null, nameKey: '', nameTokens: [], brandTokens: [] };
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
    c.setTokens(slot, [...tokens].sort((a, b) => a - b));
    for (const token of tokens) (this.tokenSlots[token] ??= []).push(slot);
    if (c.category[slot]! >= 0) (this.categorySlots[c.category[slot]!] ??= []).push(slot);
    this.metas[slot] = { id: state.id, record: state, nameKey: keyOf(state.name), nameTokens, brandTokens };
    this.idsBySlug.set(state.slug, state.id);
    for (const variant of state.variants) this.idsBySku.set(variant.sku, state.id);
    return slot;
  }
}
