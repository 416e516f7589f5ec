import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxRootFields: number;
  maxCost: number;
  /** Assumed length of a list field without a `first`/`last` argument, for the cost. */
  defaultListSize: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxRootFields: 10,
  maxCost: 5_000,
  defaultListSize: 10,
};

export interface OperationMeasure {
  depth: number;
  aliases: number;
  directives: number;
  rootFields: number;
  cost: number;
}

type Variables = Record<string, unknown>;

function pageArgument(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, variables: Variables): number | null {
  for (const arg of args ?? []) {
    if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
    if (arg.value.kind === Kind.INT) return Number(arg.value.value);
    if (arg.value.kind === Kind.VARIABLE) {
      const value = variables[arg.value.name.value];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
    }
  }
  return null;
}

/**
 * Measures an operation: field depth and cost (introspection fields excluded), aliases and
 * directives (in the operation and the fragments it uses), and root fields. The cost counts
 * one per field and multiplies what is below a field by its `first`/`last`, or below a list by
 * the default size (a connection's `edges`/`nodes` are its page, not another multiplier).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  limits: Pick<OperationLimits, 'defaultListSize'>,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  // `paged`: the selection is under a field with first/last (a connection), whose edges/nodes lists are that page.
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, seen: Set<string>, paged = false): { depth: number; cost: number } => {
    let depth = 0;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const page = pageArgument(selection.arguments, variables);
        let below = { depth: 0, cost: 0 };
        if (selection.selectionSet) below = walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, seen, page !== null);
        const list = field ? isListType(getNullableType(field.type)) : false;
        const pageOfParent = paged && (selection.name.value === 'edges' || selection.name.value === 'nodes');
        const size = page ?? (list && !pageOfParent ? limits.defaultListSize : 1);
        depth = Math.max(depth, 1 + below.depth);
        cost += 1 + Math.max(0, size) * below.cost;
      } else {
        let inner: SelectionSetNode | undefined;
        let typeName: string | undefined;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = selection.selectionSet;
          typeName = selection.typeCondition?.name.value;
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          inner = fragment.selectionSet;
          typeName = fragment.typeCondition.name.value;
          seen = new Set(seen).add(fragment.name.value);
        }
        const below = walk(inner, typeName ? schema.getType(typeName) : parent, seen, paged);
        depth = Math.max(depth, below.depth);
        cost += below.cost;
      }
    }
    return { depth, cost };
  };

  const rootType = schema.getRootType(operation.operation) ?? undefined;
  const { depth, cost } = walk(operation.selectionSet, rootType, new Set());

  let aliases = 0;
  let directives = 0;
  const usedFragments = new Set<string>();
  const count = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      Field: (field) => {
        if (field.alias) aliases += 1;
      },
      Directive: () => {
        directives += 1;
      },
      FragmentSpread: (spread) => {
        usedFragments.add(spread.name.value);
      },
    });
  count(operation);
  for (const name of usedFragments) {
    const fragment = fragments.get(name);
    if (fragment) count(fragment);
  }

  let rootFields = 0;
  const countRoot = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) rootFields += selection.name.value.startsWith('__') ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) countRoot(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) countRoot(fragment.selectionSet, new Set(seen).add(fragment.name.value));
      }
    }
  };
  countRoot(operation.selectionSet, new Set());

  return { depth, aliases, directives, rootFields, cost };
}

const limitError = (limit: string, max: number, actual: number, what: string) =>
  new GraphQLError(`The operation ${what} (${actual}) is over the limit of ${max}`, {
    extensions: { code: 'LIMIT_EXCEEDED', limit, max, actual, http: { status: 400 } },
  });

/** The variables whose values size pages (`first: $n`), in the operation and the fragments it may use. */
function pageVariablesOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const names = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      Argument: (argument) => {
        if ((argument.name.value === 'first' || argument.name.value === 'last') && argument.value.kind === Kind.VARIABLE) {
          names.add(argument.value.name.value);
        }
      },
    });
  collect(operation);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) collect(definition);
  return [...names].sort();
}

const MAX_MEASURES_PER_OPERATION = 64;

/**
 * Measures per operation, kept beside the parsed document (Apollo Server reuses one parsed
 * document per query text), keyed by the values of the page-size variables: the one input
 * the measure depends on besides the document.
 */
function measureCache(limits: OperationLimits) {
  const byOperation = new WeakMap<OperationDefinitionNode, { pageVariables: string[]; measures: Map<string, OperationMeasure> }>();
  return (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables): OperationMeasure => {
    let entry = byOperation.get(operation);
    if (!entry) {
      entry = { pageVariables: pageVariablesOf(document, operation), measures: new Map() };
      byOperation.set(operation, entry);
    }
    const key = entry.pageVariables.map((name) => JSON.stringify(variables[name] ?? null)).join(',');
    let measured = entry.measures.get(key);
    if (!measured) {
      measured = measureOperation(schema, document, operation, variables, limits);
      if (entry.measures.size >= MAX_MEASURES_PER_OPERATION) entry.measures.clear();
      entry.measures.set(key, measured);
    }
    return measured;
  };
}

/** Refuses operations over the limits before any subgraph is called (after parsing and validation). */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  const measure = measureCache(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measured = measure(schema, document, operation, request.variables ?? {});
          if (measured.depth > limits.maxDepth) throw limitError('depth', limits.maxDepth, measured.depth, 'is nested too deep');
          if (measured.aliases > limits.maxAliases) throw limitError('aliases', limits.maxAliases, measured.aliases, 'has too many aliases');
          if (measured.directives > limits.maxDirectives) {
            throw limitError('directives', limits.maxDirectives, measured.directives, 'has too many directives');
          }
          if (measured.rootFields > limits.maxRootFields) {
            throw limitError('rootFields', limits.maxRootFields, measured.rootFields, 'has too many root fields');
          }
          if (measured.cost > limits.maxCost) throw limitError('cost', limits.maxCost, measured.cost, 'costs too much');
        },
      };
    },
  };
}
