import { createHmac } from 'node:crypto';
import {
  badInput,
  DEFAULT_REGION,
  forbidden,
  parseRegion,
  regionSchema,
  shopperKey,
  unauthenticated,
  type Identity,
  type Region,
} from '@shop/platform';

/** Owners are platform shopper keys: `user:<id>` or `guest:<id>`. */
const OWNER_PATTERN = /^(user|guest):[A-Za-z0-9._@-]{1,128}$/;
const CART_ID_PATTERN = /^cart_[A-Za-z0-9_-]{24}$/;

export function parseOwner(value: string, field: string): string {
  if (!OWNER_PATTERN.test(value)) {
    throw badInput(`${field} must be "user:<id>" or "guest:<id>"`, field);
  }
  return value;
}

/** The owner of the caller's cart; partners and services have none. */
export function ownerOf(identity: Identity): string {
  const owner = shopperKey(identity);
  if (owner) return owner;
  if (identity.role === 'partner' || identity.role === 'service') {
    throw forbidden('Only guests and signed-in shoppers have a cart');
  }
  throw unauthenticated('A cart needs a guest session or a signed-in shopper');
}

/**
 * The public id of an owner's cart: an HMAC of the owner, so it reveals nothing about the owner
 * and cannot be made up for somebody else's cart.
 */
export function cartIdOf(owner: string, secret: string): string {
  return `cart_${createHmac('sha256', secret).update(owner).digest('base64url').slice(0, 24)}`;
}

/** Refuses a cart id that is not the caller's own cart. */
export function assertOwnCart(cartId: string | null | undefined, owner: string, secret: string): void {
  if (cartId === null || cartId === undefined) return;
  if (!CART_ID_PATTERN.test(cartId)) throw badInput('cartId is not a cart id', 'cartId');
  if (cartId !== cartIdOf(owner, secret)) throw forbidden('This cart belongs to someone else');
}

export function requireService(identity: Identity): void {
  if (identity.role !== 'service') throw forbidden('Internal operation: service identity only');
}

/** The region a cart is checked against: the one asked for, else the shopper's, else the default. */
export function cartRegion(identity: Identity, asked: string | null | undefined): Region {
  if (asked !== null && asked !== undefined) return parseRegion(asked);
  const own = regionSchema.safeParse(identity.region?.toLowerCase());
  return own.success ? own.data : DEFAULT_REGION;
}
