import type { PartnerApiKeyResolvers } from '../generated/resolvers-types';

export const PartnerApiKey: PartnerApiKeyResolvers = {
  createdAt: (key) => key.createdAt.toISOString(),
  revokedAt: (key) => key.revokedAt?.toISOString() ?? null,
};
