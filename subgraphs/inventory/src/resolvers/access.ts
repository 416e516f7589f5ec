import { forbidden, parseRegion, type Identity, type Region } from '@shop/platform';

/** Shoppers, guests, admins and services read stock; partners need the stock:read scope. */
export function assertCanReadStock(identity: Identity): void {
  if (identity.role === 'partner' && !identity.scopes.includes('stock:read')) {
    throw forbidden('Reading stock needs the stock:read scope');
  }
}

/** Internal operations: other subgraphs calling with a service identity only. */
export function assertService(identity: Identity): void {
  if (identity.role !== 'service') throw forbidden('Internal operation: service identity only');
}

export function assertAdmin(identity: Identity): void {
  if (identity.role !== 'admin' && identity.role !== 'service') throw forbidden('Stock changes need an admin identity');
}

/** The region asked, else the shopper's region from the identity, else the default (eu). */
export function regionFor(asked: string | null | undefined, identity: Identity): Region {
  return parseRegion(asked ?? identity.region ?? null);
}
