import type { CategoryRecord } from './category-tree';
import { slugify } from './text';

/**
 * Turns category paths by name (["Footwear", "Shoes", "Casual Shoes"]) into category records,
 * reusing the ones that exist. Ids are the path of name slugs ("footwear.shoes.casual-shoes"), so
 * the same path always lands on the same category; slugs are the name's slug when free, else
 * prefixed by the parent's slug ("watches-watches").
 */
export class CategoryPlanner {
  private readonly byId = new Map<string, CategoryRecord>();
  private readonly slugs = new Set<string>();
  private readonly added: CategoryRecord[] = [];
  private nextPosition: number;

  constructor(existing: readonly CategoryRecord[]) {
    for (const record of existing) {
      this.byId.set(record.id, record);
      this.slugs.add(record.slug);
    }
    this.nextPosition = existing.reduce((max, record) => Math.max(max, record.position + 1), 0);
  }

  /** Ids of the categories along a path (top-level first), creating the missing ones. */
  place(path: readonly string[]): string[] {
    const names = path.map((name) => name.trim()).filter((name) => name.length > 0);
    if (names.length === 0) throw new Error('a category path needs at least one name');
    const ids: string[] = [];
    let parent = null as CategoryRecord | null;
    for (const name of names) {
      const part = slugify(name) || 'category';
      const id: string = parent ? `${parent.id}.${part}` : part;
      let record = this.byId.get(id);
      if (!record) {
        record = { id, slug: this.freeSlug(part, parent), name, parentId: parent?.id ?? null, position: this.nextPosition++ };
        this.byId.set(id, record);
        this.slugs.add(record.slug);
        this.added.push(record);
      }
      parent = record;
      ids.push(record.id);
    }
    return ids;
  }

  /** Categories created so far, in creation order. */
  created(): CategoryRecord[] {
    return [...this.added];
  }

  all(): CategoryRecord[] {
    return [...this.byId.values()];
  }

  private freeSlug(part: string, parent: CategoryRecord | null): string {
    const candidates = [part, parent ? `${parent.slug}-${part}` : part];
    for (const candidate of candidates) if (!this.slugs.has(candidate)) return candidate;
    for (let n = 2; ; n++) {
      const candidate = `${candidates[1]}-${n}`;
      if (!this.slugs.has(candidate)) return candidate;
    }
  }
}
