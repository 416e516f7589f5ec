import { badInput } from '@shop/platform';
import type { Context } from '../context';
import { cartRegion, parseOwner, requireService } from '../domain/owner';
import type { CartModel } from '../resolvers/mappers';
import { stockOf } from './lookups';

/** Internal operations for other services (orders, accounts), by owner key; service identity only. */

export async function cartOfOwner(ctx: Context, args: { owner: string; region?: string | null }): Promise<CartModel | null> {
  requireService(ctx.identity);
  const owner = parseOwner(args.owner, 'owner');
  const region = cartRegion(ctx.identity, args.region);
  const record = await ctx.loaders.cartByOwner.load(owner);
  return record ? { owner, region, record } : null;
}

export async function clearCartOfOwner(ctx: Context, args: { owner: string }): Promise<boolean> {
  requireService(ctx.identity);
  const owner = parseOwner(args.owner, 'owner');
  await ctx.repositories.carts.remove(owner);
  ctx.loaders.cartByOwner.clear(owner).prime(owner, null);
  ctx.lineHints.remember(owner, null);
  return true;
}

/**
 * Sign-in: the guest cart (`from`) joins the user's cart (`to`). Stock is asked once for the
 * guest's SKUs; the merge itself (caps, line limit, removing `from`) is one atomic script.
 */
export async function mergeCarts(
  ctx: Context,
  args: { from: string; to: string; region?: string | null },
): Promise<CartModel | null> {
  requireService(ctx.identity);
  const from = parseOwner(args.from, 'from');
  const to = parseOwner(args.to, 'to');
  if (from === to) throw badInput('from and to must be different carts', 'to');
  const region = cartRegion(ctx.identity, args.region);

  const [guest, target] = await ctx.loaders.cartByOwner.loadMany([from, to]);
  if (guest instanceof Error) throw guest;
  if (target instanceof Error) throw target;
  if (!guest) return target ? { owner: to, region, record: target } : null;

  const stock = await stockOf(ctx, region, guest.lines.map((line) => line.sku));
  const { cart, outcomes } = await ctx.repositories.carts.merge(from, to, stock);
  const capped = outcomes.filter((outcome) => outcome.merged < outcome.requested);
  if (capped.length > 0) ctx.logger.info({ from, to, capped }, 'cart merge capped some lines');
  ctx.loaders.cartByOwner.clear(from).prime(from, null).clear(to).prime(to, cart);
  ctx.lineHints.remember(from, null);
  ctx.lineHints.remember(to, cart);
  return cart ? { owner: to, region, record: cart } : null;
}
