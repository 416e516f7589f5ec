import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

const memo = new WeakMap<readonly FieldNode[], boolean>();

/**
 * Whether the field being resolved asks for the per-region breakdown (`regions`) anywhere below
 * it, fragments included. @skip/@include are not evaluated: a breakdown that may be asked counts
 * as asked, so a read never lacks a region it reports. Memoised per field group, which graphql-js
 * shares between the items of a list (24 entities cost one walk).
 */
export function asksForRegions(info: GraphQLResolveInfo): boolean {
  const known = memo.get(info.fieldNodes);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === 'regions' || walk(selection.selectionSet);
        case Kind.INLINE_FRAGMENT:
          return walk(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (seen.has(name)) return false;
          seen.add(name);
          return walk(info.fragments[name]?.selectionSet);
        }
        default:
          return false;
      }
    });
  const asks = info.fieldNodes.some((node) => walk(node.selectionSet));
  memo.set(info.fieldNodes, asks);
  return asks;
}
