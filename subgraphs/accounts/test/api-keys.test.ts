import { identities } from '@shop/platform/testing';
import { sha256Hex } from '../src/domain/tokens';
import { startAccounts, type AccountsHarness } from './support/accounts-harness';
import { callAccounts } from './support/call';

const CREATE = `mutation($p: String!, $s: [String!]!, $r: Int) {
  createApiKey(partnerName: $p, scopes: $s, rateLimitPerMinute: $r) {
    key apiKey { id partnerId partnerName prefix scopes rateLimitPerMinute createdAt revokedAt } userErrors { field code }
  }
}`;
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } userErrors { field code } } }';
const IDENTITY = 'query($h: String!) { apiKeyIdentity(keyHash: $h) { keyId partnerId scopes rateLimitPerMinute } }';

interface CreatePayload {
  key: string | null;
  apiKey: { id: string; partnerId: string; partnerName: string; prefix: string; scopes: string[]; rateLimitPerMinute: number; revokedAt: string | null } | null;
  userErrors: Array<{ field: string[] | null; code: string }>;
}

describe('accounts: partner API keys', () => {
  let accounts: AccountsHarness;
  beforeAll(async () => {
    accounts = await startAccounts();
  });
  afterAll(() => accounts?.close());

  const create = (partnerName: string, scopes: string[], rateLimitPerMinute?: number, identity = identities.admin()) =>
    callAccounts<{ createApiKey: CreatePayload }>(accounts.server.url, CREATE, { p: partnerName, s: scopes, r: rateLimitPerMinute }, { identity });
  const lookup = (key: string) =>
    callAccounts<{ apiKeyIdentity: { keyId: string; partnerId: string; scopes: string[]; rateLimitPerMinute: number } | null }>(
      accounts.server.url,
      IDENTITY,
      { h: sha256Hex(key) },
      { identity: identities.service('gateway') },
    );

  it('when an admin creates a key, then the key is returned once and only its hash is stored', async () => {
    // when
    const result = await create('Acme Feeds', ['catalog:read', 'stock:read'], 30);
    // then
    const { key, apiKey } = result.data!.createApiKey;
    expect(key).toMatch(/^shop_pk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ partnerName: 'Acme Feeds', scopes: ['catalog:read', 'stock:read'], rateLimitPerMinute: 30, revokedAt: null });
    expect(key!.startsWith(apiKey!.prefix)).toBe(true);
    const { rows } = await accounts.pool.query('SELECT row_to_json(k)::text AS row FROM api_keys k WHERE id = $1', [apiKey!.id]);
    expect(rows[0].row).not.toContain(key!.slice(8));
    expect(rows[0].row).toContain(sha256Hex(key!));
    expect((await lookup(key!)).data!.apiKeyIdentity).toEqual({
      keyId: apiKey!.id,
      partnerId: apiKey!.partnerId,
      scopes: ['catalog:read', 'stock:read'],
      rateLimitPerMinute: 30,
    });
  });

  it('when an admin creates a key in safelist mode, then the mode is kept apart from its scopes and reaches the lookup', async () => {
    // when
    const created = await callAccounts<{ createApiKey: { key: string; apiKey: { id: string; scopes: string[]; safelistOnly: boolean } } }>(
      accounts.server.url,
      'mutation { createApiKey(partnerName: "Safe Feeds", scopes: ["catalog:read"], safelistOnly: true) { key apiKey { id scopes safelistOnly } } }',
      {},
      { identity: identities.admin() },
    );
    const plain = (await create('Plain Feeds', ['catalog:read'])).data!.createApiKey;
    // then
    const { key, apiKey } = created.data!.createApiKey;
    expect(apiKey).toMatchObject({ scopes: ['catalog:read'], safelistOnly: true });
    const identity = (h: string) =>
      callAccounts<{ apiKeyIdentity: { scopes: string[]; safelistOnly: boolean } }>(
        accounts.server.url,
        'query($h: String!) { apiKeyIdentity(keyHash: $h) { scopes safelistOnly } }',
        { h },
        { identity: identities.service('gateway') },
      );
    expect((await identity(sha256Hex(key))).data!.apiKeyIdentity).toEqual({ scopes: ['catalog:read'], safelistOnly: true });
    expect((await identity(sha256Hex(plain.key!))).data!.apiKeyIdentity).toEqual({ scopes: ['catalog:read'], safelistOnly: false });
  });

  it('when a partner gets a second key, then both keys share the partner id', async () => {
    // when
    const first = (await create('Globex', ['catalog:read'])).data!.createApiKey.apiKey!;
    const second = (await create(' globex ', ['orders:read'])).data!.createApiKey.apiKey!;
    // then
    expect(second.partnerId).toBe(first.partnerId);
    expect(second.rateLimitPerMinute).toBe(120);
  });

  it('when the scopes or the name are bad, then BAD_USER_INPUT per field and no key', async () => {
    // when
    const result = await create('', ['catalog:write', 'catalog:read'], 0);
    // then
    expect(result.data!.createApiKey.key).toBeNull();
    expect(result.data!.createApiKey.userErrors.map((error) => error.field)).toEqual([['partnerName'], ['scopes'], ['rateLimitPerMinute']]);
  });

  it.each([
    ['a shopper', identities.shopper()],
    ['a partner', identities.partner()],
    ['a guest', identities.guest()],
  ])('when %s tries to create a key, then FORBIDDEN', async (_who, identity) => {
    // when
    const result = await create('Sneaky', ['catalog:read'], undefined, identity);
    // then
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { rows } = await accounts.pool.query("SELECT count(*)::int AS n FROM partners WHERE name = 'Sneaky'");
    expect(rows[0].n).toBe(0);
  });

  it('when an admin revokes a key, then it no longer resolves and the gateway is told', async () => {
    // given
    const { key, apiKey } = (await create('Initech', ['catalog:read'])).data!.createApiKey;
    // when
    const revoked = await callAccounts<{ revokeApiKey: { apiKey: { id: string; revokedAt: string } } }>(
      accounts.server.url,
      REVOKE,
      { id: apiKey!.id },
      { identity: identities.admin() },
    );
    // then
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(revoked.effects!.revokedApiKeyIds).toEqual([apiKey!.id]);
    expect((await lookup(key!)).data!.apiKeyIdentity).toBeNull();
  });

  it('when an unknown key id is revoked, then NOT_FOUND', async () => {
    const result = await callAccounts<{ revokeApiKey: { userErrors: Array<{ code: string }> } }>(
      accounts.server.url,
      REVOKE,
      { id: "1' OR '1'='1" },
      { identity: identities.admin() },
    );
    expect(result.data!.revokeApiKey.userErrors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
  });
});
