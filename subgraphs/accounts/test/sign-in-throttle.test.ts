import { CLIENT_ADDRESS_HEADER, IDENTITY_HEADER, signIdentity } from '@shop/platform';
import { identities, TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import { SIGN_IN, SIGN_UP, startAccounts, testSettings, type AccountsHarness } from './support/accounts-harness';
import { callAccounts } from './support/call';

interface SignInPayload {
  user: { id: string } | null;
  userErrors: Array<{ code: string }>;
}

describe('accounts: sign-in throttling', () => {
  let accounts: AccountsHarness;
  beforeAll(async () => {
    accounts = await startAccounts({ settings: testSettings({ maxAttemptsPerAccount: 3, maxAttemptsPerAddress: 6 }) });
    for (const email of ['brute@example.com', 'forgiven@example.com', 'stuffed@example.com']) {
      await callAccounts(accounts.server.url, SIGN_UP, { email, password: 'the right password', name: 'Target' });
    }
  });
  afterAll(() => accounts?.close());

  const signIn = (email: string, password: string, clientAddress: string) =>
    callAccounts<{ signIn: SignInPayload }>(accounts.server.url, SIGN_IN, { email, password }, { identity: identities.guest(), clientAddress });
  const codes = (result: { data: { signIn: SignInPayload } | null | undefined }) => result.data!.signIn.userErrors.map((error) => error.code);

  it('when an account gets more wrong passwords than allowed, then even the right password is refused from any address', async () => {
    // given: 3 wrong passwords from different addresses (the per-account limit)
    for (const [index, address] of ['10.0.0.1', '10.0.0.2', '10.0.0.3'].entries()) {
      expect(codes(await signIn('brute@example.com', `guess ${index}`, address))).toEqual(['INVALID_CREDENTIALS']);
    }
    // when
    const rightPassword = await signIn('brute@example.com', 'the right password', '10.0.0.4');
    // then
    expect(codes(rightPassword)).toEqual(['RATE_LIMITED']);
    expect(rightPassword.data!.signIn.user).toBeNull();
    expect(rightPassword.effects).toBeUndefined();
  });

  it('when a shopper signs in after a mistyped password, then the success clears the account count', async () => {
    // given
    await signIn('forgiven@example.com', 'typo', '10.0.1.1');
    await signIn('forgiven@example.com', 'typo again', '10.0.1.1');
    expect(codes(await signIn('forgiven@example.com', 'the right password', '10.0.1.1'))).toEqual([]);
    // when: two more mistakes do not reach the limit of 3 counted from the success
    await signIn('forgiven@example.com', 'typo 3', '10.0.1.1');
    await signIn('forgiven@example.com', 'typo 4', '10.0.1.1');
    const result = await signIn('forgiven@example.com', 'the right password', '10.0.1.1');
    // then
    expect(codes(result)).toEqual([]);
  });

  it('when one address tries many accounts (credential stuffing), then it is refused after its limit while other addresses still sign in', async () => {
    // given: 6 attempts at unknown accounts from one address (the per-address limit)
    for (let i = 0; i < 6; i += 1) {
      expect(codes(await signIn(`victim${i}@example.com`, 'password123', '192.0.2.66'))).toEqual(['INVALID_CREDENTIALS']);
    }
    // when
    const fromAttacker = await signIn('stuffed@example.com', 'the right password', '192.0.2.66');
    const fromOwner = await signIn('stuffed@example.com', 'the right password', '198.51.100.7');
    // then
    expect(codes(fromAttacker)).toEqual(['RATE_LIMITED']);
    expect(codes(fromOwner)).toEqual([]);
  });

  it('when a client address header is not signed by the gateway, then it is ignored', async () => {
    // given: a raw address header instead of a signed one
    const response = await fetch(accounts.server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CLIENT_ADDRESS_HEADER]: '203.0.113.99',
        [IDENTITY_HEADER]: signIdentity(identities.guest(), TEST_IDENTITY_SECRET),
      },
      body: JSON.stringify({ query: SIGN_IN, variables: { email: 'unknown-forged@example.com', password: 'whatever1' } }),
    });
    // then: the attempt counts against the account only
    const body = (await response.json()) as { data: { signIn: SignInPayload } };
    expect(codes(body)).toEqual(['INVALID_CREDENTIALS']);
    const { rows } = await accounts.pool.query<{ key: string }>(
      "SELECT key FROM sign_in_throttle WHERE key IN ('account:unknown-forged@example.com', 'address:203.0.113.99')",
    );
    expect(rows.map((row) => row.key)).toEqual(['account:unknown-forged@example.com']);
  });
});
