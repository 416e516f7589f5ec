import { ShopError, type ServiceClient, type UserError } from '@shop/platform';
import type { InventoryPort, ReserveResult } from '../domain/ports';

const RESERVE = /* GraphQL */ `
  mutation OrdersReserve($orderId: ID!, $lines: [ReserveLineInput!]!, $region: String!) {
    reserve(orderId: $orderId, lines: $lines, region: $region) {
      reserved
      shortages { sku requested available }
      userErrors { field message code }
    }
  }
`;

const RELEASE = /* GraphQL */ `
  mutation OrdersRelease($orderId: ID!) { release(orderId: $orderId) { ok userErrors { field message code } } }
`;

const COMMIT = /* GraphQL */ `
  mutation OrdersCommit($orderId: ID!) { commit(orderId: $orderId) { ok userErrors { field message code } } }
`;

interface OperationPayload {
  ok: boolean;
  userErrors: UserError[];
}

function refused(operation: string, orderId: string, errors: UserError[]): ShopError {
  const detail = errors.map((error) => `${error.code}: ${error.message}`).join('; ') || 'no reason given';
  return new ShopError('UNAVAILABLE', `inventory ${operation} for order ${orderId} refused (${detail})`);
}

/** The inventory subgraph's internal stock operations (service identity), each idempotent per order. */
export function createInventoryPort(client: ServiceClient): InventoryPort {
  return {
    async reserve(orderId, lines, region) {
      const data = await client.request<{ reserve: ReserveResult }>(RESERVE, { orderId, lines, region });
      return data.reserve;
    },
    async release(orderId) {
      const { release } = await client.request<{ release: OperationPayload }>(RELEASE, { orderId });
      if (release.ok) return 'released';
      if (release.userErrors.some((error) => error.code === 'RESERVATION_COMMITTED')) return 'committed';
      throw refused('release', orderId, release.userErrors);
    },
    async commit(orderId) {
      const { commit } = await client.request<{ commit: OperationPayload }>(COMMIT, { orderId });
      if (!commit.ok) throw refused('commit', orderId, commit.userErrors);
    },
    async restock(lines, region) {
      if (lines.length === 0) return;
      // One request: an aliased restock per line.
      const variables: Record<string, unknown> = { region };
      const params = lines.map((_line, index) => `$s${index}: ID!, $q${index}: Int!`).join(', ');
      const fields = lines
        .map((line, index) => {
          variables[`s${index}`] = line.sku;
          variables[`q${index}`] = line.quantity;
          return `l${index}: restock(sku: $s${index}, region: $region, quantity: $q${index}) { userErrors { field message code } }`;
        })
        .join('\n');
      const data = await client.request<Record<string, { userErrors: UserError[] }>>(
        `mutation OrdersRestock($region: String!, ${params}) {\n${fields}\n}`,
        variables,
      );
      const errors = Object.values(data).flatMap((payload) => payload.userErrors);
      if (errors.length > 0) throw refused('restock', lines.map((line) => line.sku).join(','), errors);
    },
  };
}
