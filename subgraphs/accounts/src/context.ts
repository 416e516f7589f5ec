import type DataLoader from 'dataloader';
import { keyedLoader, type BaseContext } from '@shop/platform';
import type { ApiKeyRepository } from './data-access/api-key-repository';
import type { SessionRepository } from './data-access/session-repository';
import type { ThrottleRepository } from './data-access/throttle-repository';
import type { UserRecord, UserRepository } from './data-access/user-repository';
import type { MergeShopperData } from './domain/merge-shopper-data';
import type { PasswordHasher } from './domain/password';
import type { ThrottlePolicy } from './domain/sign-in-throttle';
import type { AccountsEffects } from './gateway-protocol';

export interface AccountsRepositories {
  users: UserRepository;
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  throttle: ThrottleRepository;
}

export interface AccountsSettings {
  sessionTtlSeconds: number;
  throttle: ThrottlePolicy;
  defaultApiKeyRateLimitPerMinute: number;
}

/** What the use cases need besides the repositories; built once per server. */
export interface AccountsServices {
  passwords: PasswordHasher;
  mergeShopperData: MergeShopperData;
  settings: AccountsSettings;
}

export interface AccountsLoaders {
  userById: DataLoader<string, UserRecord | null>;
}

export interface Context extends BaseContext {
  repositories: AccountsRepositories;
  services: AccountsServices;
  loaders: AccountsLoaders;
  /** The caller's network address as signed by the gateway; null when absent or not validly signed. */
  clientAddress: string | null;
  /** Filled by mutations, sent to the gateway in a response extension. */
  effects: AccountsEffects;
  /** The user who signed in or up during this request, so the payload may show their email. */
  signedInUserId: string | null;
}

export function createLoaders(repositories: AccountsRepositories): AccountsLoaders {
  return {
    userById: keyedLoader((ids) => repositories.users.findByIds(ids), (user) => [user.id]),
  };
}
