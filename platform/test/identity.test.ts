import { IdentityError, shopperKey, signIdentity, verifyIdentity } from '../src';
import { identities } from '../testing';

const secret = 'a-secret-of-at-least-thirty-two-characters';

describe('signed identity', () => {
  it('when an identity is signed and verified with the same secret, then it comes back unchanged', () => {
    const identity = identities.shopper('u1', 'g1');
    expect(verifyIdentity(signIdentity(identity, secret), secret)).toEqual(identity);
  });

  it('when the payload is altered, then verification fails', () => {
    const [version, , signature] = signIdentity(identities.guest('g1'), secret).split('.');
    const forged = Buffer.from(JSON.stringify({ role: 'admin', scopes: [], iat: 1, exp: 9e9 })).toString('base64url');
    expect(() => verifyIdentity(`${version}.${forged}.${signature}`, secret)).toThrow(IdentityError);
  });

  it('when it is signed with another secret, missing or malformed, then verification fails', () => {
    expect(() => verifyIdentity(signIdentity(identities.admin(), `${secret}x`), secret)).toThrow('invalid identity signature');
    expect(() => verifyIdentity(undefined, secret)).toThrow('missing signed identity');
    expect(() => verifyIdentity('not.a.token.at.all', secret)).toThrow('malformed signed identity');
  });

  it('when it has expired, then verification fails', () => {
    const header = signIdentity(identities.guest(), secret, { ttlSeconds: 60, now: Date.now() - 120_000 });
    expect(() => verifyIdentity(header, secret)).toThrow('signed identity expired');
  });

  it('when shopper data is keyed, then users and guests get distinct keys and partners none', () => {
    expect(shopperKey(identities.shopper('u1', 'g1'))).toBe('user:u1');
    expect(shopperKey(identities.guest('g1'))).toBe('guest:g1');
    expect(shopperKey(identities.partner())).toBeNull();
  });
});
