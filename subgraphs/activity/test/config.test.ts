import { ConfigError } from '@shop/platform';
import { activitySettingsOf, keyspaceSettingsOf, loadActivityConfig } from '../src/config';
import { replicationOf } from '../src/data-access/schema';

describe('activity config', () => {
  it('when nothing is set, then it runs locally: SimpleStrategy with one replica and 90 days of history', () => {
    // when the config is read from an empty environment
    const config = loadActivityConfig({});

    // then the local defaults apply
    expect(replicationOf(keyspaceSettingsOf(config))).toEqual({ class: 'SimpleStrategy', replication_factor: 1 });
    expect(activitySettingsOf(config)).toMatchObject({ retentionDays: 90, maxEventAgeHours: 168, fallbackProductIds: [] });
    expect(config.CASSANDRA_LOCAL_DATACENTER).toBe('datacenter1');
  });

  it('when production asks for NetworkTopologyStrategy, then each datacenter gets its replicas', () => {
    // when network replication is configured with and without an explicit datacenter list
    const explicit = loadActivityConfig({ ACTIVITY_REPLICATION: 'network', ACTIVITY_REPLICATION_DATACENTERS: 'eu-west:3,us-east:3' });
    const local = loadActivityConfig({ ACTIVITY_REPLICATION: 'network', ACTIVITY_REPLICATION_FACTOR: '3', CASSANDRA_LOCAL_DATACENTER: 'dc1' });

    // then the keyspace replication names them
    expect(replicationOf(keyspaceSettingsOf(explicit))).toEqual({ class: 'NetworkTopologyStrategy', 'eu-west': 3, 'us-east': 3 });
    expect(replicationOf(keyspaceSettingsOf(local))).toEqual({ class: 'NetworkTopologyStrategy', dc1: 3 });
  });

  it('when a setting is malformed, then start-up fails naming the variable', () => {
    // when the keyspace name would inject CQL and the datacenter list is garbled
    const load = () => loadActivityConfig({ ACTIVITY_KEYSPACE: 'x; DROP KEYSPACE y', ACTIVITY_REPLICATION_DATACENTERS: 'dc1=3' });

    // then both are reported
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ACTIVITY_KEYSPACE[\s\S]*ACTIVITY_REPLICATION_DATACENTERS/);
  });
});
