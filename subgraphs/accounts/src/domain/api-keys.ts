import { forbidden, hasRole, userError, type UserError } from '@shop/platform';
import type { Context } from '../context';
import type { ApiKeyRecord } from '../data-access/api-key-repository';
import { validateApiKeyInput } from './scopes';
import { newApiKey, newId, sha256Hex } from './tokens';

const assertAdmin = (context: Context) => {
  if (!hasRole(context.identity, 'admin')) throw forbidden('Only admins manage API keys');
};

/** Admin only: a new key for a partner; the secret is returned once and only its hash is kept. */
export async function createApiKey(
  context: Context,
  input: { partnerName: string; scopes: string[]; rateLimitPerMinute?: number | null; safelistOnly?: boolean | null },
): Promise<{ apiKey: ApiKeyRecord | null; key: string | null; userErrors: UserError[] }> {
  assertAdmin(context);
  const valid = validateApiKeyInput({
    ...input,
    rateLimitPerMinute: input.rateLimitPerMinute ?? context.services.settings.defaultApiKeyRateLimitPerMinute,
  });
  if (!valid.ok) return { apiKey: null, key: null, userErrors: valid.userErrors };
  const { key, displayPrefix } = newApiKey();
  const apiKey = await context.repositories.apiKeys.create({
    id: newId(),
    partnerId: newId(),
    partnerName: valid.partnerName,
    keyHash: sha256Hex(key),
    prefix: displayPrefix,
    scopes: valid.scopes,
    safelistOnly: input.safelistOnly ?? false,
    rateLimitPerMinute: valid.rateLimitPerMinute,
    createdBy: context.identity.userId ?? null,
  });
  context.logger.info({ keyId: apiKey.id, partnerId: apiKey.partnerId, scopes: apiKey.scopes, safelistOnly: apiKey.safelistOnly }, 'partner API key created');
  return { apiKey, key, userErrors: [] };
}

/** Admin only: revokes a key; the gateway forgets it at once. */
export async function revokeApiKey(context: Context, id: string): Promise<{ apiKey: ApiKeyRecord | null; userErrors: UserError[] }> {
  assertAdmin(context);
  const apiKey = /^[\w-]{1,64}$/.test(id) ? await context.repositories.apiKeys.revoke(id) : null;
  if (!apiKey) return { apiKey: null, userErrors: [userError('NOT_FOUND', 'No API key with this id', ['id'])] };
  context.effects.revokedApiKeyIds = [...(context.effects.revokedApiKeyIds ?? []), apiKey.id];
  context.logger.info({ keyId: apiKey.id }, 'partner API key revoked');
  return { apiKey, userErrors: [] };
}
