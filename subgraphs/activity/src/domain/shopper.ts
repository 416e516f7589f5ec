import { badInput } from '@shop/platform';

const SHOPPER_KEY = /^(user|guest):[A-Za-z0-9._@-]{1,128}$/;

/** Checks a shopper key made by platform's `shopperKey`: `user:<id>` or `guest:<id>`. */
export function parseShopperKey(value: string, field: string): string {
  if (!SHOPPER_KEY.test(value)) throw badInput(`${field} must be user:<id> or guest:<id>`, field);
  return value;
}

/** Checks the two ends of a guest-to-user merge. */
export function parseMerge(from: string, to: string): { from: string; to: string } {
  const source = parseShopperKey(from, 'from');
  const target = parseShopperKey(to, 'to');
  if (!source.startsWith('guest:')) throw badInput('from must be a guest (guest:<id>)', 'from');
  if (source === target) throw badInput('from and to must differ', 'to');
  return { from: source, to: target };
}
