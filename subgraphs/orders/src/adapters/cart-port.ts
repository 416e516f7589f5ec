import type { ServiceClient } from '@shop/platform';
import type { CartPort } from '../domain/ports';

const CART_OF_OWNER = /* GraphQL */ `
  query OrdersCartOfOwner($owner: String!) {
    cartOfOwner(owner: $owner) { lines { sku quantity } }
  }
`;

const CLEAR_CART_OF_OWNER = /* GraphQL */ `
  mutation OrdersClearCartOfOwner($owner: String!) { clearCartOfOwner(owner: $owner) }
`;

/** The cart subgraph's internal operations (service identity). */
export function createCartPort(client: ServiceClient): CartPort {
  return {
    async linesOf(owner) {
      const data = await client.request<{ cartOfOwner: { lines: Array<{ sku: string; quantity: number }> } | null }>(
        CART_OF_OWNER,
        { owner },
      );
      return (data.cartOfOwner?.lines ?? []).map(({ sku, quantity }) => ({ sku, quantity }));
    },
    async clear(owner) {
      const data = await client.request<{ clearCartOfOwner: boolean }>(CLEAR_CART_OF_OWNER, { owner });
      if (!data.clearCartOfOwner) throw new Error(`cart of ${owner} was not cleared`);
    },
  };
}
