import { forbidden, hasRole, type Identity } from '@shop/platform';
import type { MutationResolvers } from '../generated/resolvers-types';
import { deleteProduct, upsertProduct } from '../services/product-admin';

/** Catalog changes are for admins; until accounts hands out admin identities, services may too. */
function assertCatalogAdmin(identity: Identity): void {
  if (!hasRole(identity, 'admin', 'service')) throw forbidden('Only an admin may change the catalog');
}

export const Mutation: MutationResolvers = {
  upsertProduct: async (_parent, { input }, { identity, repositories, listingSync }) => {
    assertCatalogAdmin(identity);
    return upsertProduct({ repositories, listing: listingSync }, input);
  },
  deleteProduct: async (_parent, { id }, { identity, repositories, listingSync }) => {
    assertCatalogAdmin(identity);
    return deleteProduct({ repositories, listing: listingSync }, id);
  },
};
