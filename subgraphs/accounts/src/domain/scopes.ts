import { userError, type UserError } from '@shop/platform';

/** Scopes a partner key may carry; the gateway maps each to the subgraphs it opens. */
export const PARTNER_SCOPES = ['catalog:read', 'stock:read', 'orders:read'] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

const MAX_PARTNER_NAME = 100;
const MAX_RATE_LIMIT_PER_MINUTE = 100_000;

export function validateApiKeyInput(input: { partnerName: string; scopes: string[]; rateLimitPerMinute: number }):
  | { ok: true; partnerName: string; scopes: PartnerScope[]; rateLimitPerMinute: number }
  | { ok: false; userErrors: UserError[] } {
  const userErrors: UserError[] = [];
  const partnerName = input.partnerName.trim();
  if (partnerName.length === 0 || partnerName.length > MAX_PARTNER_NAME || /[\u0000-\u001f\u007f]/.test(partnerName)) {
    userErrors.push(userError('BAD_USER_INPUT', `The partner name must have 1 to ${MAX_PARTNER_NAME} printable characters`, ['partnerName']));
  }
  const unknown = input.scopes.filter((scope) => !(PARTNER_SCOPES as readonly string[]).includes(scope));
  if (input.scopes.length === 0 || unknown.length > 0) {
    userErrors.push(userError('BAD_USER_INPUT', `Scopes must be some of ${PARTNER_SCOPES.join(', ')}`, ['scopes']));
  }
  if (!Number.isInteger(input.rateLimitPerMinute) || input.rateLimitPerMinute < 1 || input.rateLimitPerMinute > MAX_RATE_LIMIT_PER_MINUTE) {
    userErrors.push(userError('BAD_USER_INPUT', `The rate limit must be 1 to ${MAX_RATE_LIMIT_PER_MINUTE} per minute`, ['rateLimitPerMinute']));
  }
  if (userErrors.length > 0) return { ok: false, userErrors };
  return { ok: true, partnerName, scopes: [...new Set(input.scopes)] as PartnerScope[], rateLimitPerMinute: input.rateLimitPerMinute };
}
