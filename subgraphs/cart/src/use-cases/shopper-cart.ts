import { userError, type UserError } from '@shop/platform';
import type { Context } from '../context';
import type { CartRecord } from '../domain/cart';
import { assertOwnCart, cartRegion, ownerOf } from '../domain/owner';
import { quantityError, skuError } from '../domain/quantity';
import type { WriteResult } from '../data-access/cart-repository';
import type { CartModel, CartPayloadModel } from '../resolvers/mappers';
import { stockOf, variantsOf } from './lookups';

interface CartArgs {
  cartId?: string | null;
  region?: string | null;
}

/** The caller's own cart: refuses identities without a cart and cart ids of other carts. */
export function shopperCart(ctx: Context, args: CartArgs): { owner: string; region: CartModel['region'] } {
  const owner = ownerOf(ctx.identity);
  assertOwnCart(args.cartId, owner, ctx.cartIdSecret);
  return { owner, region: cartRegion(ctx.identity, args.region) };
}

export async function readCart(ctx: Context, args: CartArgs): Promise<CartModel> {
  const { owner, region } = shopperCart(ctx, args);
  return { owner, region, record: await ctx.loaders.cartByOwner.load(owner) };
}

async function unchanged(ctx: Context, owner: string, region: CartModel['region'], error: UserError): Promise<CartPayloadModel> {
  return { cart: { owner, region, record: await ctx.loaders.cartByOwner.load(owner) }, userErrors: [error] };
}

function written(ctx: Context, owner: string, region: CartModel['region'], record: CartRecord | null, errors: UserError[]): CartPayloadModel {
  ctx.loaders.cartByOwner.clear(owner).prime(owner, record);
  ctx.lineHints.remember(owner, record);
  return { cart: { owner, region, record }, userErrors: errors };
}

/**
 * The SKUs of the cart's lines, to ask catalog and inventory about together with the SKU being
 * written. This process's hint when it has one: then no Redis read precedes the write, which
 * returns the cart itself. Otherwise the cart is read. Null when `set` finds no line to change.
 */
async function lineSkusBeforeWrite(ctx: Context, owner: string, sku: string, mode: 'add' | 'set'): Promise<readonly string[] | null> {
  const hinted = ctx.lineHints.get(owner);
  if (hinted && (mode === 'add' || hinted.includes(sku))) return hinted;
  const current = await ctx.loaders.cartByOwner.load(owner);
  const skus = current?.lines.map((line) => line.sku) ?? [];
  return mode === 'set' && !skus.includes(sku) ? null : skus;
}

/**
 * addToCart (mode add) and updateCartLine (mode set): checks the input, asks the catalog (does
 * the SKU exist, its price) and inventory (units available) once for the SKU and every line
 * already in the cart (so the returned cart costs no second call), then writes atomically in one
 * Redis call that also returns the cart; the limits and the stock are checked again inside it.
 */
export async function writeLine(
  ctx: Context,
  args: CartArgs & { sku: string; quantity: number; mode: 'add' | 'set' },
): Promise<CartPayloadModel> {
  const { owner, region } = shopperCart(ctx, args);
  const invalid = skuError(args.sku) ?? quantityError(args.quantity, ctx.settings);
  if (invalid) return unchanged(ctx, owner, region, invalid);

  const lineSkus = await lineSkusBeforeWrite(ctx, owner, args.sku, args.mode);
  if (!lineSkus) return unchanged(ctx, owner, region, notInCart(args.sku));
  const skus = [args.sku, ...lineSkus];
  const [variants, stock] = await Promise.all([variantsOf(ctx, skus), stockOf(ctx, region, skus)]);
  const variant = variants.get(args.sku);
  if (!variant) return unchanged(ctx, owner, region, userError('NOT_FOUND', `No product variant has SKU "${args.sku}"`, ['sku']));

  const available = stock.get(args.sku) ?? 0;
  const { sku, quantity, mode } = args;
  const result = await ctx.repositories.carts.writeLine(owner, { sku, quantity, mode, variant, available });
  return written(ctx, owner, region, result.cart, writeErrors(ctx, result, args.sku, available, region));
}

export async function removeLine(ctx: Context, args: CartArgs & { sku: string }): Promise<CartPayloadModel> {
  const { owner, region } = shopperCart(ctx, args);
  const invalid = skuError(args.sku);
  if (invalid) return unchanged(ctx, owner, region, invalid);
  const result = await ctx.repositories.carts.removeLine(owner, args.sku);
  return written(ctx, owner, region, result.cart, result.status === 'OK' ? [] : [notInCart(args.sku)]);
}

export async function clearCart(ctx: Context, args: CartArgs): Promise<CartPayloadModel> {
  const { owner, region } = shopperCart(ctx, args);
  await ctx.repositories.carts.remove(owner);
  return written(ctx, owner, region, null, []);
}

const notInCart = (sku: string) => userError('NOT_FOUND', `SKU "${sku}" is not in the cart`, ['sku']);

function writeErrors(ctx: Context, result: WriteResult, sku: string, available: number, region: string): UserError[] {
  switch (result.status) {
    case 'OK':
      return [];
    case 'NOT_IN_CART':
      return [notInCart(sku)];
    case 'QUANTITY_LIMIT':
      return [userError('LIMIT_EXCEEDED', `At most ${ctx.settings.maxLineQuantity} units of a SKU fit in a cart; it holds ${result.quantity}`, ['quantity'])];
    case 'LINE_LIMIT':
      return [userError('LIMIT_EXCEEDED', `A cart holds at most ${ctx.settings.maxLines} different SKUs`, ['sku'])];
    case 'OUT_OF_STOCK':
      return [userError('OUT_OF_STOCK', `Only ${available} of "${sku}" available in ${region}; the cart holds ${result.quantity}`, ['quantity'])];
  }
}
