import type { AccountsEffects } from '@shop/accounts';
import type { Identity } from '@shop/platform';

/** What every gateway request carries to the data sources. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
  /** The client's network address (Fastify's request.ip, proxy-aware per TRUST_PROXY). */
  clientAddress?: string;
  /**
   * Collected from accounts' responses during the request, applied to the HTTP reply after it.
   * Data sources write into this object (they get a shallow copy of the context, not the context).
   */
  accountsEffects?: AccountsEffects;
}
