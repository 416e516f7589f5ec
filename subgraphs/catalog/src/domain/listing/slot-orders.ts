import type { Columns } from './columns';
import type { PresortedSort, SortKeys } from './sorts';

/** What the orders of the index compare: its columns (read live, they grow) and per-slot texts. */
export interface OrderKeys {
  columns: Columns;
  idAt(slot: number): string;
  nameKeyAt(slot: number): string;
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders two slots by `sort`; every order ends with the id, so it is total. */
export function slotComparator(sort: PresortedSort, keys: OrderKeys): (a: number, b: number) => number {
  const c = keys.columns;
  const byId = (a: number, b: number) => compareText(keys.idAt(a), keys.idAt(b));
  const byName = (a: number, b: number) => compareText(keys.nameKeyAt(a), keys.nameKeyAt(b));
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

/** Compares a slot with a cursor position, in the order of `sort`. */
export function probeComparator(sort: PresortedSort, keys: OrderKeys): (slot: number, probe: SortKeys) => number {
  const c = keys.columns;
  const byId = (slot: number, probe: SortKeys) => compareText(keys.idAt(slot), probe.id);
  switch (sort) {
    case 'NEWEST':
      return (slot, probe) => probe.createdAt - c.createdAt[slot]! || byId(slot, probe);
    case 'PRICE_ASC':
      return (slot, probe) => c.price[slot]! - probe.price || byId(slot, probe);
    case 'PRICE_DESC':
      return (slot, probe) => probe.price - c.price[slot]! || byId(slot, probe);
    case 'NAME_ASC':
      return (slot, probe) => compareText(keys.nameKeyAt(slot), probe.nameKey) || byId(slot, probe);
    case 'NAME_DESC':
      return (slot, probe) => compareText(probe.nameKey, keys.nameKeyAt(slot)) || byId(slot, probe);
  }
}

/** The change feed's order: update time, then id. */
export function changeComparators(keys: OrderKeys) {
  const c = keys.columns;
  return {
    slots: (a: number, b: number) => c.updatedAt[a]! - c.updatedAt[b]! || compareText(keys.idAt(a), keys.idAt(b)),
    probe: (slot: number, probe: SortKeys) => c.updatedAt[slot]! - probe.updatedAt || compareText(keys.idAt(slot), probe.id),
  };
}
