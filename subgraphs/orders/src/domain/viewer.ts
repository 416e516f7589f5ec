import { shopperKey, type Identity } from '@shop/platform';
import type { OrderRecord } from './order';

/** Who is asking, in the terms orders are stored under. */
export interface Viewer {
  /** The customer key new orders are placed under; null for partners and services. */
  customer: string | null;
  /** Customer keys whose orders this viewer may read: their own, and the guest session they signed in from. */
  owns: string[];
  isGuest: boolean;
  isAdmin: boolean;
  /** Another subgraph calling directly with a signed service identity. */
  isService: boolean;
  region: string | null;
}

export function viewerOf(identity: Identity): Viewer {
  const customer = shopperKey(identity);
  const owns = customer ? [customer] : [];
  if (identity.role === 'shopper' && identity.guestId) owns.push(`guest:${identity.guestId}`);
  return {
    customer,
    owns,
    isGuest: identity.role === 'guest',
    isAdmin: identity.role === 'admin',
    isService: identity.role === 'service',
    region: identity.region ?? null,
  };
}

export function canRead(viewer: Viewer, order: Pick<OrderRecord, 'customer'>): boolean {
  return viewer.isAdmin || viewer.isService || viewer.owns.includes(order.customer);
}
