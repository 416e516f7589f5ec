import type { Client, types } from 'cassandra-driver';

/** Reads every page of a SELECT, recording one round trip per page. */
export async function selectAll(
  client: Client,
  query: string,
  params: unknown[],
  record: () => void,
  fetchSize = 5000,
): Promise<types.Row[]> {
  const rows: types.Row[] = [];
  let pageState: string | undefined;
  do {
    record();
    const result = await client.execute(query, params, { prepare: true, fetchSize, pageState, autoPage: false });
    rows.push(...result.rows);
    pageState = result.pageState ?? undefined;
  } while (pageState);
  return rows;
}

// Typed column readers, so rows (untyped in the driver) become plain objects without `any`.
export function text(row: types.Row, column: string): string | null {
  const value: unknown = row.get(column);
  return typeof value === 'string' ? value : null;
}

export function requiredText(row: types.Row, column: string): string {
  const value = text(row, column);
  if (value === null) throw new Error(`column ${column} is empty`);
  return value;
}

export function integer(row: types.Row, column: string): number {
  const value: unknown = row.get(column);
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return 0;
}

export function timestamp(row: types.Row, column: string): Date {
  const value: unknown = row.get(column);
  if (!(value instanceof Date)) throw new Error(`column ${column} is not a timestamp`);
  return value;
}

export function uuid(row: types.Row, column: string): string {
  const value: unknown = row.get(column);
  if (value === null || value === undefined) throw new Error(`column ${column} is empty`);
  return String(value);
}

export function textList(row: types.Row, column: string): string[] {
  const value: unknown = row.get(column);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
