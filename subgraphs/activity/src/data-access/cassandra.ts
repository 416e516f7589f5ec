import { Client, policies, types } from 'cassandra-driver';

export interface CassandraSettings {
  /** Comma-separated `host` or `host:port`. */
  contactPoints: string;
  localDataCenter: string;
}

/**
 * A client that routes each prepared statement to a replica of its partition (token aware,
 * local datacenter first) and writes and reads at LOCAL_QUORUM.
 */
export async function connectCassandra(settings: CassandraSettings): Promise<Client> {
  const contactPoints = settings.contactPoints.split(',').map((point) => point.trim()).filter(Boolean);
  const ports = new Set(contactPoints.map((point) => /:(\d+)$/.exec(point)?.[1]).filter((port) => port !== undefined));
  const client = new Client({
    contactPoints,
    localDataCenter: settings.localDataCenter,
    // Peers discovered after the contact points are reached on this port.
    protocolOptions: ports.size === 1 ? { port: Number([...ports][0]) } : {},
    policies: {
      loadBalancing: new policies.loadBalancing.TokenAwarePolicy(
        new policies.loadBalancing.DCAwareRoundRobinPolicy(settings.localDataCenter),
      ),
    },
    queryOptions: {
      prepare: true,
      consistency: types.consistencies.localQuorum,
      serialConsistency: types.consistencies.localSerial,
    },
    encoding: { useBigIntAsLong: true },
    socketOptions: { readTimeout: 20_000 },
  });
  await client.connect();
  return client;
}
