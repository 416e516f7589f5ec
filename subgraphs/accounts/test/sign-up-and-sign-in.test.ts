import { identities } from '@shop/platform/testing';
import { describeHash } from '../src/domain/password';
import { sha256Hex } from '../src/domain/tokens';
import { startAccounts, SESSION_IDENTITY, SIGN_IN, SIGN_UP, type AccountsHarness } from './support/accounts-harness';
import { callAccounts } from './support/call';

interface AuthPayload {
  user: { id: string; email: string; name?: string } | null;
  sessionExpiresAt: string | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
}

describe('accounts: sign-up, sign-in, sign-out', () => {
  let accounts: AccountsHarness;
  beforeAll(async () => {
    accounts = await startAccounts();
  });
  afterAll(() => accounts?.close());

  const signUp = (email: string, password = 'correct horse battery', name = 'Ada') =>
    callAccounts<{ signUp: AuthPayload }>(accounts.server.url, SIGN_UP, { email, password, name });
  const signIn = (email: string, password: string, identity = identities.guest()) =>
    callAccounts<{ signIn: AuthPayload }>(accounts.server.url, SIGN_IN, { email, password }, { identity });
  const sessionOf = (token: string) =>
    callAccounts<{ sessionIdentity: { sessionId: string; userId: string; role: string } | null }>(
      accounts.server.url,
      SESSION_IDENTITY,
      { h: sha256Hex(token) },
      { identity: identities.service('gateway') },
    );

  it('when a shopper signs up with a padded mixed-case email, then it is stored normalized and a session is issued to the gateway', async () => {
    // when
    const result = await signUp('  Ada.Lovelace@Example.COM ');
    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.signUp.userErrors).toEqual([]);
    expect(result.data!.signUp.user).toMatchObject({ email: 'ada.lovelace@example.com', name: 'Ada' });
    const token = result.effects!.issuedSession!.token;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(result.data)).not.toContain(token);
    const session = await sessionOf(token);
    expect(session.data!.sessionIdentity).toMatchObject({ userId: result.data!.signUp.user!.id, role: 'shopper' });
  });

  it('when the same email signs up again in another case, then EMAIL_TAKEN and no second account', async () => {
    // given
    await signUp('grace@example.com');
    // when
    const again = await signUp(' GRACE@example.com');
    // then
    expect(again.data!.signUp.user).toBeNull();
    expect(again.data!.signUp.userErrors).toEqual([expect.objectContaining({ code: 'EMAIL_TAKEN', field: ['email'] })]);
    expect(again.effects).toBeUndefined();
    const { rows } = await accounts.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', ['grace@example.com']);
    expect(rows[0].n).toBe(1);
  });

  it('when sign-up input is bad, then each bad field is reported and nothing is stored', async () => {
    // when
    const result = await signUp('not-an-email', 'short', '   ');
    // then
    expect(result.data!.signUp.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['BAD_USER_INPUT', ['email']],
      ['BAD_USER_INPUT', ['password']],
      ['BAD_USER_INPUT', ['name']],
    ]);
    const { rows } = await accounts.pool.query("SELECT count(*)::int AS n FROM users WHERE email = 'not-an-email'");
    expect(rows[0].n).toBe(0);
  });

  it('when a password is stored, then only an scrypt hash of it is kept', async () => {
    // given
    await signUp('hash@example.com', 'a very secret phrase');
    // when
    const { rows } = await accounts.pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE email = $1', ['hash@example.com']);
    // then
    expect(rows[0]!.password_hash).not.toContain('a very secret phrase');
    expect(describeHash(rows[0]!.password_hash)).toMatchObject({ algorithm: 'scrypt', r: 8, p: 1 });
  });

  it('when the email is unknown or the password wrong, then both get the same error and no session', async () => {
    // given
    await signUp('known@example.com', 'right password 1');
    // when
    const unknown = await signIn('nobody@example.com', 'right password 1');
    const wrong = await signIn('known@example.com', 'wrong password 1');
    // then
    expect(unknown.data!.signIn).toEqual(wrong.data!.signIn);
    expect(wrong.data!.signIn).toEqual({
      user: null,
      sessionExpiresAt: null,
      userErrors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'The email or the password is wrong' }],
    });
    expect(unknown.effects).toBeUndefined();
    expect(wrong.effects).toBeUndefined();
  });

  it('when a shopper signs in twice from one client, then each sign-in gets a new session and the previous one is revoked', async () => {
    // given
    await signUp('twice@example.com', 'right password 2');
    const first = await signIn(' Twice@Example.com', 'right password 2');
    const firstToken = first.effects!.issuedSession!.token;
    const firstSession = (await sessionOf(firstToken)).data!.sessionIdentity!;
    // when: the client, now signed in with the first session, signs in again
    const second = await signIn('twice@example.com', 'right password 2', {
      role: 'shopper',
      userId: firstSession.userId,
      sessionId: firstSession.sessionId,
      scopes: [],
    });
    // then
    const secondToken = second.effects!.issuedSession!.token;
    expect(secondToken).not.toBe(firstToken);
    expect(second.effects!.revokedSessionIds).toEqual([firstSession.sessionId]);
    expect((await sessionOf(firstToken)).data!.sessionIdentity).toBeNull();
    expect((await sessionOf(secondToken)).data!.sessionIdentity).toMatchObject({ userId: firstSession.userId });
  });

  it('when a signed-in shopper signs out, then the session is revoked and me is null for a guest', async () => {
    // given
    const user = (await signUp('out@example.com')).data!.signUp.user!;
    const signedIn = await signIn('out@example.com', 'correct horse battery');
    const token = signedIn.effects!.issuedSession!.token;
    const { sessionId } = (await sessionOf(token)).data!.sessionIdentity!;
    const shopper = { role: 'shopper' as const, userId: user.id, sessionId, scopes: [] };
    const me = await callAccounts<{ me: { id: string; email: string } | null }>(accounts.server.url, '{ me { id email } }', {}, { identity: shopper });
    expect(me.data!.me).toEqual({ id: user.id, email: 'out@example.com' });
    // when
    const out = await callAccounts<{ signOut: { signedOut: boolean } }>(accounts.server.url, 'mutation { signOut { signedOut } }', {}, { identity: shopper });
    // then
    expect(out.data!.signOut.signedOut).toBe(true);
    expect(out.effects!.revokedSessionIds).toEqual([sessionId]);
    expect((await sessionOf(token)).data!.sessionIdentity).toBeNull();
    const guestMe = await callAccounts<{ me: unknown }>(accounts.server.url, '{ me { id } }');
    expect(guestMe.data!.me).toBeNull();
  });

  it('when a guest signs in while cart and activity are down, then sign-in still succeeds', async () => {
    // given: the harness points cart and activity at an address nobody listens on
    await signUp('merge@example.com', 'right password 3');
    // when
    const result = await signIn('merge@example.com', 'right password 3', identities.guest('guest-with-a-cart'));
    // then
    expect(result.data!.signIn.userErrors).toEqual([]);
    expect(result.data!.signIn.user!.email).toBe('merge@example.com');
  });

  it('when the admin from config signs in, then the session carries the admin role', async () => {
    // when
    const result = await signIn('admin@shop.test', 'admin-password-for-tests');
    // then
    const session = await sessionOf(result.effects!.issuedSession!.token);
    expect(session.data!.sessionIdentity!.role).toBe('admin');
  });
});
