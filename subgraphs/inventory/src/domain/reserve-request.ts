import { REGIONS, userError, type Region, type UserError } from '@shop/platform';
import { isQuantity, isValidId, MAX_LINE_QUANTITY, MAX_LINES } from './limits';

export interface ReserveLine {
  sku: string;
  quantity: number;
}

export interface ReserveRequest {
  orderId: string;
  region: Region;
  /** One line per SKU (repeated SKUs are summed), in the order first asked. */
  lines: ReserveLine[];
  /** Index in the input of each SKU's first line, for error paths. */
  inputIndex: Map<string, number>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

export const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

export function parseOrderId(orderId: string): UserError[] {
  return isValidId(orderId)
    ? []
    : [userError('INVALID_ORDER_ID', 'orderId must be 1 to 256 letters, digits or _ . : @ / -', ['orderId'])];
}

/** Validates a reservation request whole: every problem is reported, and none reaches the store. */
export function parseReserveRequest(input: { orderId: string; region: string; lines: readonly ReserveLine[] }): Parsed<ReserveRequest> {
  const errors = parseOrderId(input.orderId);
  if (!isRegion(input.region)) {
    errors.push(userError('UNKNOWN_REGION', `Unknown region "${input.region.slice(0, 32)}"; expected one of ${REGIONS.join(', ')}`, ['region']));
  }
  if (input.lines.length === 0) errors.push(userError('NO_LINES', 'Give at least one line to reserve', ['lines']));
  if (input.lines.length > MAX_LINES) {
    errors.push(userError('TOO_MANY_LINES', `At most ${MAX_LINES} lines per reservation; got ${input.lines.length}`, ['lines']));
    return { ok: false, errors };
  }
  const merged = new Map<string, ReserveLine>();
  const inputIndex = new Map<string, number>();
  input.lines.forEach((line, index) => {
    if (!isValidId(line.sku)) errors.push(userError('INVALID_SKU', 'sku must be 1 to 256 letters, digits or _ . : @ / -', ['lines', String(index), 'sku']));
    if (!isQuantity(line.quantity, 1, MAX_LINE_QUANTITY)) {
      errors.push(userError('INVALID_QUANTITY', `quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}`, ['lines', String(index), 'quantity']));
      return;
    }
    const existing = merged.get(line.sku);
    if (existing) {
      existing.quantity += line.quantity;
      if (existing.quantity > MAX_LINE_QUANTITY) {
        errors.push(userError('INVALID_QUANTITY', `${line.sku} adds up to more than ${MAX_LINE_QUANTITY} units`, ['lines', String(index), 'quantity']));
      }
    } else {
      merged.set(line.sku, { sku: line.sku, quantity: line.quantity });
      inputIndex.set(line.sku, index);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { orderId: input.orderId, region: input.region as Region, lines: [...merged.values()], inputIndex } };
}

const canonical = (lines: readonly ReserveLine[]) =>
  JSON.stringify([...lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)).map((line) => [line.sku, line.quantity]));

/** Whether a stored reservation is the one asked for again (a replay), whatever the line order. */
export function sameReservation(
  stored: { region: string | null; lines: readonly ReserveLine[] },
  request: { region: string; lines: readonly ReserveLine[] },
): boolean {
  return stored.region === request.region && canonical(stored.lines) === canonical(request.lines);
}

/** Lines of chunk `index` when a reservation is taken `chunkSize` lines per transaction. */
export function chunkLines<T>(lines: readonly T[], chunkSize: number, index: number): T[] {
  return lines.slice(index * chunkSize, (index + 1) * chunkSize);
}

export function chunkCount(lineCount: number, chunkSize: number): number {
  return Math.ceil(lineCount / chunkSize);
}
