import { z } from 'zod';
import { ShopError } from './errors';

/**
 * Opaque Relay cursors: base64url JSON tagged with the list they belong to, so a cursor from
 * another list (or a hand-made one) is refused with INVALID_CURSOR instead of being trusted.
 */
export function encodeCursor(list: string, position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify({ l: list, p: position })).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(list: string, cursor: string, schema: S): z.infer<S> {
  const invalid = () => new ShopError('INVALID_CURSOR', 'The cursor is malformed or belongs to another list');
  if (cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const envelope = z.object({ l: z.literal(list), p: z.unknown() }).safeParse(decoded);
  if (!envelope.success) throw invalid();
  const position = schema.safeParse(envelope.data.p);
  if (!position.success) throw invalid();
  return position.data;
}

/** Validates a page size against a maximum; absent means the default. */
export function pageSize(first: number | null | undefined, options: { defaultSize: number; max: number }): number {
  if (first === null || first === undefined) return options.defaultSize;
  if (!Number.isInteger(first) || first < 0 || first > options.max) {
    throw new ShopError('BAD_USER_INPUT', `first must be between 0 and ${options.max}`, { field: 'first' });
  }
  return first;
}
