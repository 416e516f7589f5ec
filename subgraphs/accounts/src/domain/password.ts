import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt. The OWASP-recommended cost is N=2^17, r=8, p=1 (128 MiB per
 * hash). The parameters are stored with each hash (`scrypt$<log2N>$<r>$<p>$<salt>$<hash>`), so
 * a hash made at one cost still verifies after the configured cost changes.
 */
export const OWASP_SCRYPT_LOG2N = 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether the password matches; false for a malformed hash. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Whether a stored hash was made at a lower cost than the current one (rehash after sign-in). */
  needsRehash(stored: string): boolean;
  /** Verifies against a throw-away hash so an unknown email costs as much time as a wrong password. */
  burn(password: string): Promise<void>;
}

interface Parsed {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 2 * 128 * r * 2 ** log2N + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function parse(stored: string): Parsed | null {
  const match = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return null;
  const [, log2N = '', r = '', p = '', salt = '', key = ''] = match;
  const parsed = { log2N: Number(log2N), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
  if (parsed.log2N < 10 || parsed.log2N > 20 || parsed.r < 1 || parsed.p < 1 || parsed.key.length !== KEY_LENGTH) return null;
  return parsed;
}

export function createPasswordHasher(log2N: number = OWASP_SCRYPT_LOG2N): PasswordHasher {
  const hash = async (password: string) => {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, log2N, R, P);
    return `scrypt$${log2N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
  };
  let dummy: Promise<string> | undefined;
  const verify = async (password: string, stored: string) => {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.log2N, parsed.r, parsed.p);
    return timingSafeEqual(key, parsed.key);
  };
  return {
    hash,
    verify,
    needsRehash: (stored) => (parse(stored)?.log2N ?? 0) < log2N,
    async burn(password) {
      dummy ??= hash(`dummy-${randomBytes(8).toString('hex')}`);
      await verify(password, await dummy);
    },
  };
}

/** Hash parameters of a stored hash, for tests and audits. */
export function describeHash(stored: string): { algorithm: 'scrypt'; N: number; r: number; p: number } | null {
  const parsed = parse(stored);
  return parsed ? { algorithm: 'scrypt', N: 2 ** parsed.log2N, r: parsed.r, p: parsed.p } : null;
}
