import { sha256Hex } from '@shop/accounts';
import { IDENTITY_HEADER, signIdentity } from '@shop/platform';
import { identities, TEST_IDENTITY_SECRET } from '@shop/platform/testing';
import {
  cookieLine,
  cookieValue,
  ME,
  post,
  SIGN_IN,
  SIGN_OUT,
  SIGN_UP,
  startAccounts,
  startGateway,
  type AccountsUnderTest,
  type GatewayUnderTest,
} from './support/gateway-harness';

interface Me {
  me: { id: string; email: string; name: string } | null;
}

describe('gateway: shopper sessions', () => {
  let accounts: AccountsUnderTest;
  let gateway: GatewayUnderTest;
  let secureGateway: GatewayUnderTest;
  beforeAll(async () => {
    accounts = await startAccounts();
    gateway = await startGateway({ accountsUrl: accounts.server.url });
    secureGateway = await startGateway({ accountsUrl: accounts.server.url, secureCookies: true });
  });
  afterAll(async () => {
    await gateway?.close();
    await secureGateway?.close();
    await accounts?.close();
  });

  const signUp = (email: string, password = 'a good password') => post(gateway.url, SIGN_UP, { email, password, name: 'Shopper' });
  const signIn = (email: string, password: string, options: { cookie?: string; bearer?: string } = {}) =>
    post<{ signIn: { user: { id: string } | null; userErrors: Array<{ code: string; message: string }> } }>(gateway.url, SIGN_IN, { email, password }, options);

  it('when a shopper signs up, then the session rides in an HttpOnly SameSite=Lax cookie and never in the body', async () => {
    // when
    const result = await signUp('cookie@example.com');
    // then
    const line = cookieLine(result.cookies, 'shop_session')!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).not.toMatch(/Secure/i);
    expect(line).toMatch(/Path=\//);
    const token = cookieValue(result.cookies, 'shop_session')!;
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(JSON.stringify({ data: result.data, errors: result.errors, extensions: result.extensions })).not.toContain(token);
    expect(result.extensions?.shopAccountsEffects).toBeUndefined();
    const me = await post<Me>(gateway.url, ME, {}, { cookie: `shop_session=${token}` });
    expect(me.data!.me).toMatchObject({ email: 'cookie@example.com' });
  });

  it('when the shop is served over HTTPS, then the session cookie is Secure too', async () => {
    // when
    const result = await post(secureGateway.url, SIGN_UP, { email: 'secure@example.com', password: 'a good password', name: 'S' });
    // then
    expect(cookieLine(result.cookies, 'shop_session')).toMatch(/;\s*Secure/i);
    expect(result.headers.get('strict-transport-security')).toBeNull();
  });

  it('when a server client sends the token as a Bearer header, then it is that shopper', async () => {
    // given
    await signUp('bearer@example.com', 'bearer password');
    const token = cookieValue((await signIn('bearer@example.com', 'bearer password')).cookies, 'shop_session')!;
    // when
    const me = await post<Me>(gateway.url, ME, {}, { bearer: token });
    // then
    expect(me.status).toBe(200);
    expect(me.data!.me!.email).toBe('bearer@example.com');
  });

  it('when a shopper signs in again, then the session id is renewed and the old token is refused', async () => {
    // given
    await signUp('renew@example.com', 'renew password');
    const first = cookieValue((await signIn('renew@example.com', 'renew password')).cookies, 'shop_session')!;
    expect((await post<Me>(gateway.url, ME, {}, { bearer: first })).data!.me).not.toBeNull();
    // when
    const second = cookieValue((await signIn('renew@example.com', 'renew password', { cookie: `shop_session=${first}` })).cookies, 'shop_session')!;
    // then
    expect(second).not.toBe(first);
    const old = await post<Me>(gateway.url, ME, {}, { bearer: first });
    expect(old.status).toBe(401);
    expect(old.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await post<Me>(gateway.url, ME, {}, { bearer: second })).data!.me!.email).toBe('renew@example.com');
  });

  it('when a shopper signs out, then the cookie is cleared and the token is refused at once despite the cache', async () => {
    // given
    await signUp('leave@example.com', 'leave password');
    const token = cookieValue((await signIn('leave@example.com', 'leave password')).cookies, 'shop_session')!;
    expect((await post<Me>(gateway.url, ME, {}, { bearer: token })).data!.me).not.toBeNull();
    // when
    const out = await post<{ signOut: { signedOut: boolean } }>(gateway.url, SIGN_OUT, {}, { cookie: `shop_session=${token}` });
    // then
    expect(out.data!.signOut.signedOut).toBe(true);
    expect(cookieLine(out.cookies, 'shop_session')).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    expect((await post<Me>(gateway.url, ME, {}, { bearer: token })).status).toBe(401);
    const withCookie = await post<Me>(gateway.url, ME, {}, { cookie: `shop_session=${token}` });
    expect(withCookie.status).toBe(200);
    expect(withCookie.data!.me).toBeNull();
  });

  it('when a session was revoked elsewhere, then a cached token is refused once the cache expires', async () => {
    // given: a gateway that trusts its cache for 0 ms
    const uncached = await startGateway({ accountsUrl: accounts.server.url, credentialTtlMs: 0 });
    try {
      await signUp('revoked@example.com', 'revoked password');
      const token = cookieValue((await signIn('revoked@example.com', 'revoked password')).cookies, 'shop_session')!;
      expect((await post<Me>(uncached.url, ME, {}, { bearer: token })).data!.me).not.toBeNull();
      // when: another gateway instance signs the session out
      await post(gateway.url, SIGN_OUT, {}, { bearer: token });
      // then
      expect((await post<Me>(uncached.url, ME, {}, { bearer: token })).status).toBe(401);
    } finally {
      await uncached.close();
    }
  });

  it('when a session has expired, then its token is refused: Bearer gets 401 and the cookie falls back to guest', async () => {
    // given: a signed-in session whose expiry has passed (moved into the past in the store), on a gateway that does not cache
    const uncached = await startGateway({ accountsUrl: accounts.server.url, credentialTtlMs: 0 });
    try {
      await signUp('expired@example.com', 'expired password');
      const token = cookieValue((await signIn('expired@example.com', 'expired password')).cookies, 'shop_session')!;
      expect((await post<Me>(uncached.url, ME, {}, { bearer: token })).data!.me).not.toBeNull();
      await accounts.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [sha256Hex(token)]);
      // when
      const bearer = await post<Me>(uncached.url, ME, {}, { bearer: token });
      const cookie = await post<Me>(uncached.url, ME, {}, { cookie: `shop_session=${token}` });
      // then
      expect(bearer.status).toBe(401);
      expect(bearer.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(cookie.data!.me).toBeNull();
      expect(cookieLine(cookie.cookies, 'shop_session')).toMatch(/Max-Age=0/i);
    } finally {
      await uncached.close();
    }
  });

  it('when the token is tampered with or made up, then Bearer gets 401 and a cookie falls back to guest', async () => {
    // given
    await signUp('tamper@example.com', 'tamper password');
    const token = cookieValue((await signIn('tamper@example.com', 'tamper password')).cookies, 'shop_session')!;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    // when / then
    // an unsigned JWT (`alg: none`) claiming to be an admin: sessions are opaque tokens, so it is just an unknown one
    const algNone = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"admin","role":"admin"}').toString('base64url')}.`;
    for (const bad of [tampered, 'made-up-token-made-up-token-made-up', "' OR 1=1 --", algNone]) {
      const bearer = await post<Me>(gateway.url, ME, {}, { bearer: bad });
      expect(bearer.status).toBe(401);
      expect(bearer.data).toBeUndefined();
      const cookie = await post<Me>(gateway.url, ME, {}, { cookie: `shop_session=${encodeURIComponent(bad)}` });
      expect(cookie.data!.me).toBeNull();
    }
    expect((await post<Me>(gateway.url, ME, {}, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })).status).toBe(401);
  });

  it('when a client sends its own x-shop-identity header, even one validly signed for an admin, then it is ignored', async () => {
    // when
    const result = await post<Me>(gateway.url, ME, {}, { headers: { [IDENTITY_HEADER]: signIdentity(identities.admin('someone'), TEST_IDENTITY_SECRET) } });
    // then
    expect(result.status).toBe(200);
    expect(result.data!.me).toBeNull();
  });

  it('when the email is unknown or the password wrong, then the gateway answers both alike', async () => {
    // given
    await signUp('alike@example.com', 'alike password');
    // when
    const unknown = await signIn('nobody-here@example.com', 'alike password');
    const wrong = await signIn('alike@example.com', 'not the password');
    // then
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.data).toEqual(wrong.data);
    expect(cookieValue(wrong.cookies, 'shop_session')).toBeUndefined();
  });

  it('when a password is brute-forced through the gateway, then the account locks and the client address reached accounts', async () => {
    // given
    await signUp('brute@example.com', 'brute password');
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn('brute@example.com', `guess number ${i}`)).data!.signIn.userErrors[0]!.code).toBe('INVALID_CREDENTIALS');
    }
    // when
    const right = await signIn('brute@example.com', 'brute password');
    // then
    expect(right.data!.signIn.userErrors[0]!.code).toBe('RATE_LIMITED');
    expect(cookieValue(right.cookies, 'shop_session')).toBeUndefined();
    const { rows } = await accounts.pool.query<{ key: string }>("SELECT key FROM sign_in_throttle WHERE key LIKE 'address:%'");
    expect(rows.map((row) => row.key)).toContain('address:127.0.0.1');
  });
});
