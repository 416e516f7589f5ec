import { forbidden, unauthenticated } from '@shop/platform';
import type { Viewer } from '../domain/viewer';

/** Orders belong to shoppers and guests; partners and services have none of their own. */
export function requireCustomer(viewer: Viewer): string {
  if (viewer.customer) return viewer.customer;
  if (viewer.isService) throw forbidden('Orders belong to shoppers; a service has none');
  if (!viewer.isGuest && !viewer.isAdmin) throw forbidden('Orders belong to shoppers');
  throw unauthenticated('A session is required');
}
