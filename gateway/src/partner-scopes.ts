import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { ShopError, type Identity } from '@shop/platform';

/**
 * What each partner scope opens, by subgraph. The gateway checks every fetch of the query plan
 * against it, so a field of another subgraph is refused wherever it hides in the operation
 * (e.g. `Product.cartQuantity` under a catalog query needs cart and is refused).
 */
export const SCOPE_SUBGRAPHS: Readonly<Record<string, readonly string[]>> = {
  'catalog:read': ['catalog'],
  'stock:read': ['inventory'],
  'orders:read': ['orders'],
};

function allowedSubgraphs(identity: Identity): Set<string> {
  return new Set(identity.scopes.flatMap((scope) => SCOPE_SUBGRAPHS[scope] ?? []));
}

/** Every subgraph a query plan fetches from. */
export function subgraphsOfPlan(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) subgraphsOfPlan(child, found);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.kind === 'Fetch' && typeof record.serviceName === 'string') found.add(record.serviceName);
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'operation' && key !== 'requires' && typeof value === 'object') subgraphsOfPlan(value, found);
    }
  }
  return found;
}

const forbiddenForPartner = (message: string) => new ShopError('FORBIDDEN', message, { http: { status: 403 } });

function identityOf(context: unknown): Identity | undefined {
  return context && typeof context === 'object' && 'identity' in context ? (context as { identity?: Identity }).identity : undefined;
}

/** Refuses a partner's operation that writes, or that reads from a subgraph its scopes do not open. */
export const enforcePartnerScopes: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, operationContext, requestContext }) => {
  const identity = identityOf(requestContext.context);
  if (identity?.role !== 'partner') return;
  if (operationContext.operation.operation !== 'query') throw forbiddenForPartner('Partner keys may only run queries');
  const allowed = allowedSubgraphs(identity);
  const outside = [...subgraphsOfPlan(queryPlan.node)].filter((name) => !allowed.has(name));
  if (outside.length > 0) {
    throw forbiddenForPartner(`This API key's scopes (${identity.scopes.join(', ') || 'none'}) do not cover this operation`);
  }
};
