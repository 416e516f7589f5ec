import { forbidden, shopperKey, type Identity } from '@shop/platform';

/** Internal operations (@inaccessible) answer only a service identity. */
export function requireService(identity: Identity): void {
  if (identity.role !== 'service') throw forbidden('Only services may call this operation');
}

/** The guest or signed-in shopper making the request. */
export function requireShopper(identity: Identity): string {
  const key = shopperKey(identity);
  if (!key) throw forbidden('This operation needs a guest or shopper identity');
  return key;
}

/** A user's own history is theirs; admins and services may read anyone's. */
export function canReadUserHistory(identity: Identity, userId: string): boolean {
  return identity.role === 'admin' || identity.role === 'service' || (identity.role === 'shopper' && identity.userId === userId);
}
