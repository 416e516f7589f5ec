import { parse, type OperationDefinitionNode } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { DEFAULT_OPERATION_LIMITS, measureOperation } from '../src/operation-limits';
import { testSupergraph } from './support/gateway-harness';

const apiSchema = Supergraph.build(testSupergraph()).apiSchema().toGraphQLJSSchema();

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
  return measureOperation(apiSchema, document, operation, variables, DEFAULT_OPERATION_LIMITS);
}

describe('operation limits', () => {
  it("when the web app's product listing is measured, then it fits the default limits", () => {
    // given: a listing page of 24 products with prices and variants, as the shop renders it
    const listing = `query Listing($first: Int) {
      products(first: $first) {
        edges { cursor node { id slug name brand price { amount currencyCode } variants { sku price { amount } } } }
        pageInfo { hasNextPage endCursor }
      }
      me { id name }
    }`;
    // when
    const measured = measure(listing, { first: 24 });
    // then
    expect(measured.depth).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxDepth);
    expect(measured.cost).toBeLessThanOrEqual(DEFAULT_OPERATION_LIMITS.maxCost);
    expect(measured.rootFields).toBe(2);
  });

  it('when fragments are spread, then their fields count where they are used', () => {
    // when
    const measured = measure(`query { ...Root } fragment Root on Query { a: me { ...U } b: me { ...U } } fragment U on User { id @include(if: true) }`);
    // then
    expect(measured).toEqual({ depth: 2, aliases: 2, directives: 1, rootFields: 2, cost: 4 });
  });

  it('when introspection is asked, then its fields do not count towards depth or cost', () => {
    const measured = measure('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }');
    expect(measured.depth).toBe(0);
    expect(measured.cost).toBe(0);
  });

  it('when a page size is huge or negative, then the cost follows it and never goes below zero', () => {
    expect(measure('{ orders(first: 1000000) { edges { node { id } } } }').cost).toBeGreaterThan(DEFAULT_OPERATION_LIMITS.maxCost);
    expect(measure('{ orders(first: -5) { edges { node { id } } } }').cost).toBe(1);
  });
});
