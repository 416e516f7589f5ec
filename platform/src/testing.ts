import { randomBytes } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity, type Identity } from './identity';

/** The secret in-process test servers are built with. */
export const TEST_IDENTITY_SECRET = 'test-identity-secret-0123456789abcdef';

export const identities = {
  guest: (guestId = `g-${randomBytes(6).toString('hex')}`): Identity => ({ role: 'guest', guestId, scopes: [] }),
  shopper: (userId = `u-${randomBytes(6).toString('hex')}`, guestId?: string): Identity => ({
    role: 'shopper',
    userId,
    ...(guestId ? { guestId } : {}),
    scopes: [],
  }),
  admin: (userId = 'admin-1'): Identity => ({ role: 'admin', userId, scopes: [] }),
  partner: (partnerId = 'partner-1', scopes: string[] = ['catalog:read', 'stock:read']): Identity => ({
    role: 'partner',
    partnerId,
    scopes,
  }),
  service: (service = 'tests'): Identity => ({ role: 'service', service, scopes: [] }),
};

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }> | undefined;
}

/** Posts a GraphQL operation the way the gateway does: JSON body and a signed identity header. */
export async function callGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { identity?: Identity | null; secret?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResult<T>> {
  const identity = options.identity === undefined ? identities.service() : options.identity;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (identity) headers[IDENTITY_HEADER] = signIdentity(identity, options.secret ?? TEST_IDENTITY_SECRET);
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLResult<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors };
}

/** A name no other test file uses, for a database, keyspace, table prefix or key prefix. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
