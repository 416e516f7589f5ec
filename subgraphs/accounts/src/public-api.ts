export { createAccountsServer, createRepositories, settingsFromConfig, typeDefs, type AccountsDeps } from './server';
export { migrate } from './data-access/postgres';
export { accountsConfigSchema, loadAccountsConfig, type AccountsConfig } from './config';
export type { AccountsSettings } from './context';
export { PARTNER_SCOPES, type PartnerScope } from './domain/scopes';
export { API_KEY_PREFIX, sha256Hex } from './domain/tokens';
export {
  ACCOUNTS_EFFECTS_EXTENSION,
  accountsEffectsSchema,
  hasEffects,
  API_KEY_IDENTITY_QUERY,
  SESSION_IDENTITY_QUERY,
  type AccountsEffects,
  type ApiKeyIdentityResult,
  type SessionIdentityResult,
} from './gateway-protocol';
export { startAccounts } from './start';
