import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** sha256 hex: how session tokens and API keys are stored and looked up. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** An opaque session token of 256 random bits. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export const API_KEY_PREFIX = 'shop_pk_';

/** A partner API key: a recognisable prefix and 256 random bits. */
export function newApiKey(): { key: string; displayPrefix: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, displayPrefix: key.slice(0, API_KEY_PREFIX.length + 6) };
}

export const newId = (): string => randomUUID();

/** Token hashes arrive from the gateway as 64 lower-case hex characters; anything else is unknown. */
export const isTokenHash = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
