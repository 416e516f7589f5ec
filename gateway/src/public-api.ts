export { API_KEY_HEADER, createAuthenticator, GUEST_TOKEN_HEADER, type Authenticator, type AuthenticatorOptions } from './authenticate';
export { composeSupergraph, readSubgraphSources, CompositionError, SUPERGRAPH_FILE } from './composition';
export { gatewayConfigSchema, loadGatewayConfig, settingsFromConfig, type GatewayConfig } from './config';
export { createCredentialResolver, type CredentialResolver } from './credentials';
export { createGatewayServer, DEFAULT_GATEWAY_SETTINGS, type GatewayDeps, type GatewaySettings } from './gateway-server';
export type { GatewayContext } from './gateway-context';
export { DEFAULT_OPERATION_LIMITS, measureOperation, type OperationLimits } from './operation-limits';
export { SCOPE_SUBGRAPHS } from './partner-scopes';
export { SESSION_COOKIE } from './session-cookie';
