import type Redis from 'ioredis';
import { z } from 'zod';
import type { RoundTripCounter } from '@shop/platform';
import type { CartLineRecord, CartRecord, CartSettings, VariantPrice } from '../domain/cart';
import { defineScript, MERGE, REMOVE_LINE, WRITE_LINE, type ScriptReply } from './cart-scripts';

const storedLineSchema = z.object({
  q: z.number().int(),
  p: z.string(),
  pr: z.number().int(),
  c: z.string(),
  st: z.number().int(),
  a: z.number(),
  n: z.number(),
});

export type WriteStatus = 'OK' | 'NOT_IN_CART' | 'QUANTITY_LIMIT' | 'LINE_LIMIT' | 'OUT_OF_STOCK';

export interface WriteResult {
  status: WriteStatus;
  /** Units of the SKU in the cart before the refused write, or after a successful one. */
  quantity: number;
  cart: CartRecord | null;
}

export interface MergeOutcome {
  sku: string;
  requested: number;
  merged: number;
}

export interface CartRepository {
  /** The carts of several owners in one round trip, in the order asked (null: no cart). */
  findByOwners(owners: readonly string[]): Promise<Array<CartRecord | null>>;
  writeLine(owner: string, input: { sku: string; quantity: number; mode: 'add' | 'set'; variant: VariantPrice; available: number }): Promise<WriteResult>;
  removeLine(owner: string, sku: string): Promise<WriteResult>;
  remove(owner: string): Promise<void>;
  merge(from: string, to: string, available: ReadonlyMap<string, number>): Promise<{ cart: CartRecord | null; outcomes: MergeOutcome[] }>;
  ping(): Promise<void>;
}

/** `expiresAt` follows from the last change: every write sets the TTL again, reads never do. */
function toCart(owner: string, hash: Record<string, string>, ttlMs: number): CartRecord | null {
  const lines: Array<CartLineRecord & { position: number }> = [];
  for (const [field, value] of Object.entries(hash)) {
    if (!field.startsWith('l:')) continue;
    const parsed = storedLineSchema.safeParse(parseJson(value));
    if (!parsed.success) continue; // written by hand or by an older layout: not a line we can show
    const line = parsed.data;
    lines.push({
      sku: field.slice(2),
      quantity: line.q,
      productId: line.p,
      addedPriceMinor: line.pr,
      currencyCode: line.c,
      stockSeen: line.st,
      addedAt: new Date(line.a),
      position: line.n,
    });
  }
  if (lines.length === 0) return null;
  lines.sort((a, b) => a.position - b.position);
  const updatedAt = Number(hash['m:updated'] ?? 0);
  return {
    owner,
    lines: lines.map(({ position: _position, ...line }) => line),
    updatedAt: new Date(updatedAt),
    expiresAt: new Date(updatedAt + ttlMs),
  };
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

function fieldsToHash(fields: string[]): Record<string, string> {
  const hash: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) hash[fields[i]!] = fields[i + 1]!;
  return hash;
}

export function createCartRepository(
  redis: Redis,
  options: { keyPrefix: string; settings: CartSettings; roundTrips?: RoundTripCounter },
): CartRepository {
  const { keyPrefix, settings, roundTrips } = options;
  const keyOf = (owner: string) => `${keyPrefix}${owner}`;
  const writeLine = defineScript(redis, WRITE_LINE);
  const removeLine = defineScript(redis, REMOVE_LINE);
  const merge = defineScript(redis, MERGE);
  const cartOfReply = (owner: string, reply: ScriptReply) => toCart(owner, fieldsToHash(reply[2]), settings.ttlMs);

  return {
    async findByOwners(owners) {
      if (owners.length === 0) return [];
      roundTrips?.record('cart.read');
      const pipeline = redis.pipeline();
      for (const owner of owners) pipeline.hgetall(keyOf(owner));
      const replies = (await pipeline.exec()) ?? [];
      return owners.map((owner, index) => {
        const [error, hash] = replies[index] ?? [];
        if (error) throw error;
        return toCart(owner, (hash ?? {}) as Record<string, string>, settings.ttlMs);
      });
    },

    async writeLine(owner, { sku, quantity, mode, variant, available }) {
      roundTrips?.record('cart.writeLine');
      const reply = await writeLine(
        [keyOf(owner)],
        [sku, quantity, mode, variant.productId, variant.priceMinor, variant.currencyCode, available,
          settings.maxLines, settings.maxLineQuantity, settings.ttlMs, Date.now()],
      );
      return { status: reply[0] as WriteStatus, quantity: Number(reply[1]), cart: cartOfReply(owner, reply) };
    },

    async removeLine(owner, sku) {
      roundTrips?.record('cart.removeLine');
      const reply = await removeLine([keyOf(owner)], [sku, settings.ttlMs, Date.now()]);
      return { status: reply[0] as WriteStatus, quantity: 0, cart: cartOfReply(owner, reply) };
    },

    async remove(owner) {
      roundTrips?.record('cart.remove');
      await redis.del(keyOf(owner));
    },

    async merge(from, to, available) {
      roundTrips?.record('cart.merge');
      const reply = await merge(
        [keyOf(from), keyOf(to)],
        [settings.maxLines, settings.maxLineQuantity, settings.ttlMs, Date.now(), JSON.stringify(Object.fromEntries(available))],
      );
      const detail: unknown = JSON.parse(reply[1]);
      return { cart: cartOfReply(to, reply), outcomes: Array.isArray(detail) ? (detail as MergeOutcome[]) : [] };
    },

    async ping() {
      await redis.ping();
    },
  };
}
