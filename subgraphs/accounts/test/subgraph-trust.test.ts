import { createHmac } from 'node:crypto';
import { IDENTITY_HEADER, signIdentity } from '@shop/platform';
import { callGraphQL, identities, TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { sha256Hex } from '../src/domain/tokens';
import { SIGN_UP, startAccounts, type AccountsHarness } from './support/accounts-harness';
import { callAccounts } from './support/call';

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email name createdAt } } }';

async function rawCall(url: string, header: string | undefined, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === undefined ? {} : { [IDENTITY_HEADER]: header }) },
    body: JSON.stringify({ query, variables: { r: [{ __typename: 'User', id: 'x' }] } }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown } };
}

describe('accounts: who may call it', () => {
  let accounts: AccountsHarness;
  const users: Array<{ id: string; email: string }> = [];
  beforeAll(async () => {
    accounts = await startAccounts();
    for (let i = 0; i < 20; i += 1) {
      const result = await callAccounts<{ signUp: { user: { id: string; email: string } } }>(accounts.server.url, SIGN_UP, {
        email: `entity${i}@example.com`,
        password: 'entity password',
        name: `Entity ${i}`,
      });
      users.push(result.data!.signUp.user);
    }
  });
  afterAll(() => accounts?.close());

  const admin = identities.admin();
  const forgedPayload = Buffer.from(JSON.stringify({ ...admin, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
  const validHeader = signIdentity(admin, TEST_IDENTITY_SECRET);
  const [, validPayload, validSignature] = validHeader.split('.') as [string, string, string];
  const tamperedPayload = Buffer.from(JSON.stringify({ ...admin, userId: 'someone-else', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');

  it.each([
    ['no identity', undefined],
    ['an unsigned identity', `v1.${forgedPayload}`],
    ['an empty signature ("alg: none")', `v1.${forgedPayload}.`],
    ['an identity signed with another secret', signIdentity(admin, 'not-the-secret-not-the-secret-not-the-secret')],
    ['a tampered payload under a valid signature', `v1.${tamperedPayload}.${validSignature}`],
    ['a JWT-looking header', `eyJhbGciOiJub25lIn0.${validPayload}.`],
    ['an expired identity', signIdentity(admin, TEST_IDENTITY_SECRET, { now: Date.now() - 10 * 60_000 })],
    ['an HMAC of the raw payload without the version', `v1.${forgedPayload}.${createHmac('sha256', 'guess').update(forgedPayload).digest('base64url')}`],
  ])('when a request comes straight to the subgraph with %s, then 401 and no data for me, _entities and _service', async (_case, header) => {
    for (const query of ['{ me { id email } }', ENTITIES, '{ _service { sdl } }']) {
      // when
      const result = await rawCall(accounts.server.url, header, query);
      // then
      expect(result.status).toBe(401);
      expect(result.body.data).toBeUndefined();
    }
  });

  it('when the gateway resolves 20 users and an unknown id by reference, then it costs one database read', async () => {
    // given
    accounts.roundTrips.reset();
    const representations = [...users.map((user) => ({ __typename: 'User', id: user.id })), { __typename: 'User', id: "x' OR 1=1 --" }];
    // when
    const result = await callGraphQL<{ _entities: Array<{ id: string; email: string; name: string } | null> }>(
      accounts.server.url,
      ENTITIES,
      { r: representations },
      { identity: identities.service('gateway') },
    );
    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(21);
    expect(result.data!._entities[3]).toMatchObject({ id: users[3]!.id, email: 'entity3@example.com', name: 'Entity 3' });
    expect(result.data!._entities[20]).toBeNull();
    expect(accounts.roundTrips.of('users.findByIds')).toBe(1);
    expect(accounts.roundTrips.total()).toBe(1);
  });

  it("when a shopper resolves another user's email, then FORBIDDEN; their own is fine", async () => {
    // when
    const other = await callGraphQL<{ _entities: unknown[] }>(accounts.server.url, ENTITIES, { r: [{ __typename: 'User', id: users[0]!.id }] }, {
      identity: identities.shopper(users[1]!.id),
    });
    const own = await callGraphQL<{ _entities: Array<{ email: string }> }>(accounts.server.url, ENTITIES, { r: [{ __typename: 'User', id: users[1]!.id }] }, {
      identity: identities.shopper(users[1]!.id),
    });
    // then
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(own.data!._entities[0]!.email).toBe('entity1@example.com');
  });

  it.each([
    ['sessionIdentity', `{ sessionIdentity(tokenHash: "${sha256Hex('x')}") { userId } }`],
    ['apiKeyIdentity', `{ apiKeyIdentity(keyHash: "${sha256Hex('x')}") { keyId } }`],
  ])('when a non-service identity calls the internal %s, then FORBIDDEN', async (_name, query) => {
    for (const identity of [identities.guest(), identities.shopper(), identities.admin(), identities.partner()]) {
      const result = await callGraphQL(accounts.server.url, query, {}, { identity });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('when injection strings reach every string argument, then they are plain data: errors, not crashes', async () => {
    const payloads = ["' OR '1'='1", '"; DROP TABLE users; --', '{"$gt": ""}', 'admin@shop.test\u0000', '\\x00\'); --', 'a'.repeat(10_000)];
    for (const value of payloads) {
      const signIn = await callAccounts<{ signIn: { userErrors: Array<{ code: string }> } }>(
        accounts.server.url,
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { userErrors { code } } }',
        { e: value, p: value },
      );
      expect(signIn.data!.signIn.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
      const signUp = await callAccounts<{ signUp: { userErrors: Array<{ code: string }> } }>(accounts.server.url, SIGN_UP, { email: value, password: value, name: value });
      expect(signUp.data!.signUp.userErrors.length).toBeGreaterThan(0);
      const lookup = await callGraphQL<{ sessionIdentity: unknown }>(accounts.server.url, 'query($h: String!) { sessionIdentity(tokenHash: $h) { userId } }', { h: value }, {
        identity: identities.service('gateway'),
      });
      expect(lookup.data!.sessionIdentity).toBeNull();
      const revoke = await callGraphQL<{ revokeApiKey: { userErrors: Array<{ code: string }> } }>(
        accounts.server.url,
        'mutation($id: ID!) { revokeApiKey(id: $id) { userErrors { code } } }',
        { id: value },
        { identity: identities.admin() },
      );
      expect(revoke.data!.revokeApiKey.userErrors[0]!.code).toBe('NOT_FOUND');
      const entity = await callGraphQL<{ _entities: unknown[] }>(accounts.server.url, ENTITIES, { r: [{ __typename: 'User', id: value }] }, {
        identity: identities.service('gateway'),
      });
      expect(entity.data!._entities).toEqual([null]);
    }
    const { rows } = await accounts.pool.query('SELECT count(*)::int AS n FROM users');
    expect(rows[0].n).toBe(21);
  });
});
