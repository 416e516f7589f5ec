import { CLIENT_ADDRESS_HEADER, IDENTITY_HEADER, signClientAddress, signIdentity, type Identity } from '@shop/platform';
import { identities, TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { ACCOUNTS_EFFECTS_EXTENSION, accountsEffectsSchema, type AccountsEffects } from '../../src/gateway-protocol';

export interface AccountsResult<T> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; extensions?: { code?: string } }> | undefined;
  effects: AccountsEffects | undefined;
}

/** Calls accounts as the gateway does: signed identity, signed client address; returns the effects extension too. */
export async function callAccounts<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { identity?: Identity; clientAddress?: string } = {},
): Promise<AccountsResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [IDENTITY_HEADER]: signIdentity(options.identity ?? identities.guest(), TEST_IDENTITY_SECRET),
  };
  if (options.clientAddress) headers[CLIENT_ADDRESS_HEADER] = signClientAddress(options.clientAddress, TEST_IDENTITY_SECRET);
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: AccountsResult<T>['errors']; extensions?: Record<string, unknown> };
  return { status: response.status, data: body.data, errors: body.errors, effects: accountsEffectsSchema.optional().parse(body.extensions?.[ACCOUNTS_EFFECTS_EXTENSION]) };
}
