import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export interface ProbeOperation {
  /** `Query.product`, `Mutation.placeOrder`… */
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Valid values for arguments or input fields by name (e.g. `region: "eu"`), so the text reaches what they guard. */
export type FixedValues = Readonly<Record<string, string>>;

/** A value of the input type with `text` in every String and ID (but the fixed ones), down through lists and input objects. */
function valueOf(name: string, type: GraphQLInputType, text: string, fixed: FixedValues, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(name, type.ofType, text, fixed, depth);
  if (isListType(type)) return [valueOf(name, type.ofType, text, fixed, depth)];
  if (isInputObjectType(type)) {
    if (depth > 4) return null;
    return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, valueOf(field.name, field.type, text, fixed, depth + 1)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) {
    if (type.name === 'Int') return 1;
    if (type.name === 'Float') return 1.5;
    if (type.name === 'Boolean') return false;
    return fixed[name] ?? text;
  }
  return null;
}

const takesText = (type: GraphQLInputType): boolean => {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return Object.values(named.getFields()).some((field) => takesText(field.type));
  return isScalarType(named) && !['Int', 'Float', 'Boolean'].includes(named.name);
};

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, text: string, fixed: FixedValues): ProbeOperation {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const args: string[] = [];
  for (const arg of field.args) {
    variables[arg.name] = valueOf(arg.name, arg.type, text, fixed);
    definitions.push(`$${arg.name}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${arg.name}`);
  }
  const selection = isCompositeType(getNamedType(getNullableType(field.type))) ? ' { __typename }' : '';
  const head = definitions.length ? `(${definitions.join(', ')})` : '';
  return { field: `${kind === 'query' ? 'Query' : 'Mutation'}.${field.name}`, query: `${kind} Probe${head} { ${field.name}(${args.join(', ')})${selection} }`, variables };
}

/** One operation per public root field that takes any String or ID, with `text` in every one of them but the fixed ones. */
export function probesWithText(schema: GraphQLSchema, text: string, fixed: FixedValues = {}): ProbeOperation[] {
  const probes: ProbeOperation[] = [];
  for (const [kind, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.args.some((arg) => takesText(arg.type))) probes.push(operationOf(kind, field, text, fixed));
    }
  }
  return probes;
}
