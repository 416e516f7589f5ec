/**
 * Interns strings as small integers so that entries hold numbers (cheap to compare and count)
 * instead of strings. The label is the display form of the first occurrence.
 */
export class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly labels: string[] = [];

  get size(): number {
    return this.labels.length;
  }

  intern(key: string, label: string = key): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.labels.length;
      this.ids.set(key, id);
      this.labels.push(label);
    }
    return id;
  }

  /** Id of a key, or -1 when it never occurred. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  label(id: number): string {
    return this.labels[id] ?? '';
  }
}

/** Attribute name/value pairs, each pair remembering its name. */
export class AttributeDictionary {
  readonly names = new Dictionary();
  readonly pairs = new Dictionary();
  /** Name id of each pair id. */
  readonly nameOfPair: number[] = [];

  intern(nameKey: string, nameLabel: string, valueKey: string, valueLabel: string): number {
    const nameId = this.names.intern(nameKey, nameLabel);
    const before = this.pairs.size;
    const pairId = this.pairs.intern(`${nameId}\u0000${valueKey}`, valueLabel);
    if (pairId === before) this.nameOfPair.push(nameId);
    return pairId;
  }

  findPair(nameId: number, valueKey: string): number {
    return this.pairs.find(`${nameId}\u0000${valueKey}`);
  }
}
