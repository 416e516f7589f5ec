/** A category as stored. */
export interface CategoryRecord {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  /** Display order among siblings. */
  position: number;
}

export interface CategoryNode extends CategoryRecord {
  index: number;
  depth: number;
  parentIndex: number;
  /** Child indexes in display order. */
  children: number[];
  /** Ancestor indexes, top-level first, without the node itself. */
  ancestors: number[];
}

const MAX_DEPTH = 16;

/** The category tree, indexed for breadcrumbs and "this category and its descendants" tests. */
export class CategoryTree {
  readonly nodes: CategoryNode[];
  readonly roots: number[];
  private readonly byId = new Map<string, CategoryNode>();
  private readonly bySlug = new Map<string, CategoryNode>();

  constructor(records: readonly CategoryRecord[]) {
    const sorted = [...records].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    this.nodes = sorted.map((record, index) => ({ ...record, index, depth: 0, parentIndex: -1, children: [], ancestors: [] }));
    for (const node of this.nodes) {
      this.byId.set(node.id, node);
      this.bySlug.set(node.slug, node);
    }
    for (const node of this.nodes) {
      const parent = node.parentId === null ? undefined : this.byId.get(node.parentId);
      if (parent && parent !== node) {
        node.parentIndex = parent.index;
        parent.children.push(node.index);
      }
    }
    this.roots = this.nodes.filter((node) => node.parentIndex === -1).map((node) => node.index);
    for (const node of this.nodes) {
      // Walk up to compute ancestors; a (corrupt) cycle is cut at MAX_DEPTH.
      const ancestors: number[] = [];
      let current = node.parentIndex;
      while (current !== -1 && ancestors.length < MAX_DEPTH && current !== node.index) {
        ancestors.unshift(current);
        current = this.nodes[current]!.parentIndex;
      }
      node.ancestors = ancestors;
      node.depth = ancestors.length;
    }
  }

  get size(): number {
    return this.nodes.length;
  }

  byIdOrNull(id: string): CategoryNode | null {
    return this.byId.get(id) ?? null;
  }

  bySlugOrNull(slug: string): CategoryNode | null {
    return this.bySlug.get(slug) ?? null;
  }

  /** A category by slug, else by id. */
  find(slugOrId: string): CategoryNode | null {
    return this.bySlug.get(slugOrId) ?? this.byId.get(slugOrId) ?? null;
  }

  node(index: number): CategoryNode {
    const node = this.nodes[index];
    if (!node) throw new RangeError(`no category at index ${index}`);
    return node;
  }

  isLeaf(node: CategoryNode): boolean {
    return node.children.length === 0;
  }

  /** Breadcrumb: the top-level category down to the node itself. */
  path(node: CategoryNode): CategoryNode[] {
    return [...node.ancestors.map((index) => this.node(index)), node];
  }

  /** Ids of the node's ancestors and itself, top-level first (stored on products). */
  pathIds(node: CategoryNode): string[] {
    return this.path(node).map((entry) => entry.id);
  }

  /** 1 for the node and each of its descendants, by category index. */
  subtreeMask(node: CategoryNode): Uint8Array {
    const mask = new Uint8Array(this.nodes.length);
    for (const candidate of this.nodes) {
      if (candidate.index === node.index || candidate.ancestors.includes(node.index)) mask[candidate.index] = 1;
    }
    return mask;
  }

  /**
   * For facets: maps every category index to the child of `parent` it lies under (the top-level
   * category when `parent` is null), or -1 when it is not under `parent`.
   */
  childUnder(parent: CategoryNode | null): Int32Array {
    const result = new Int32Array(this.nodes.length).fill(-1);
    const depth = parent ? parent.depth + 1 : 0;
    for (const node of this.nodes) {
      const line = [...node.ancestors, node.index];
      if (line.length <= depth) continue;
      if (parent && line[parent.depth] !== parent.index) continue;
      result[node.index] = line[depth]!;
    }
    return result;
  }
}
