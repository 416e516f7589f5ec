import type { ApiKeyRecord } from '../data-access/api-key-repository';
import type { UserRecord } from '../data-access/user-repository';

/** Storage models the resolvers receive as parents (codegen maps `<Type>` to `<Type>Model`). */
export type UserModel = UserRecord;
export type PartnerApiKeyModel = ApiKeyRecord;
