import { signClientAddress, signIdentity, type Identity } from '@shop/platform';

/** Signed headers are valid for 60 s; one is reused for at most half of that. */
const SIGNED_TTL_SECONDS = 60;
const REUSE_MS = 30_000;

/**
 * The identity and client-address headers the gateway signs for subgraphs, reused across the
 * fetches and requests of the same caller while they have at least 30 s left (signing costs an
 * HMAC, JSON and base64 per fetch). Only the gateway ever holds these values: a revoked session
 * is refused when it authenticates, so its cached signature is never sent again.
 */
export class SignatureCache {
  private readonly entries = new Map<string, { value: string; renewAt: number }>();

  constructor(
    private readonly secret: string,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  identity(identity: Identity): string {
    return this.get(`i:${JSON.stringify(identity)}`, (now) => signIdentity(identity, this.secret, { ttlSeconds: SIGNED_TTL_SECONDS, now }));
  }

  clientAddress(address: string): string {
    return this.get(`a:${address}`, (now) => signClientAddress(address, this.secret, now));
  }

  private get(key: string, sign: (now: number) => string): string {
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.renewAt > now) return cached.value;
    const value = sign(now);
    this.entries.delete(key);
    this.entries.set(key, { value, renewAt: now + REUSE_MS });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
