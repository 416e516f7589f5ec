import { z } from 'zod';
import { ShopError } from './errors';

/** Regions stock is kept and sold in; the shopper picks one in the app. */
export const REGIONS = ['eu', 'us', 'asia'] as const;
export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = 'eu';

export const regionSchema = z.enum(REGIONS);

export function parseRegion(value: string | null | undefined, fallback: Region = DEFAULT_REGION): Region {
  if (value === null || value === undefined) return fallback;
  const parsed = regionSchema.safeParse(value.toLowerCase());
  if (!parsed.success) {
    throw new ShopError('BAD_USER_INPUT', `Unknown region "${value.slice(0, 32)}"; expected one of ${REGIONS.join(', ')}`, {
      field: 'region',
    });
  }
  return parsed.data;
}
