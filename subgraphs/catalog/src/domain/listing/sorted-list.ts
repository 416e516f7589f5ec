/** An array kept sorted by a total order (ties broken by id), with binary-search positions. */
export class SortedList<T> {
  private constructor(
    readonly items: T[],
    private readonly compare: (a: T, b: T) => number,
  ) {}

  static empty<T>(compare: (a: T, b: T) => number): SortedList<T> {
    return new SortedList<T>([], compare);
  }

  /** Sorts once: building from n items costs n log n, not n inserts. */
  static from<T>(items: Iterable<T>, compare: (a: T, b: T) => number): SortedList<T> {
    return new SortedList([...items].sort(compare), compare);
  }

  get length(): number {
    return this.items.length;
  }

  /** Index of the first item ordered after `probe` (keyset "after"). */
  upperBound<P>(probe: P, compare: (item: T, probe: P) => number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.items[middle]!, probe) <= 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index of the first item not ordered before `probe` (keyset "before"). */
  lowerBound<P>(probe: P, compare: (item: T, probe: P) => number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.items[middle]!, probe) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(item: T): void {
    this.items.splice(this.upperBound(item, this.compare), 0, item);
  }

  /** Removes this very item (found by its sort position); false when absent. */
  remove(item: T): boolean {
    let index = this.upperBound(item, this.compare) - 1;
    while (index >= 0 && this.compare(this.items[index]!, item) === 0) {
      if (this.items[index] === item) {
        this.items.splice(index, 1);
        return true;
      }
      index--;
    }
    return false;
  }
}
