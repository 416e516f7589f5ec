// Generated configuration and JVM flags for a single-node Cassandra 5.0 on loopback.
import { join } from 'node:path';

export const CQL_PORT = 19042;
export const STORAGE_PORT = 17000;
export const DATACENTER = 'datacenter1';

const yamlPath = (p: string): string => JSON.stringify(p);

export function cassandraYaml(data: string): string {
  return `# Written by stack/src/stores/cassandra-config.ts on every start; edit there.
cluster_name: shop-local
num_tokens: 1
initial_token: 0
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:${STORAGE_PORT}"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
storage_port: ${STORAGE_PORT}
native_transport_port: ${CQL_PORT}
start_native_transport: true
endpoint_snitch: SimpleSnitch
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
role_manager: CassandraRoleManager
commitlog_sync: periodic
commitlog_sync_period: 10000ms
commitlog_directory: ${yamlPath(join(data, 'commitlog'))}
data_file_directories:
  - ${yamlPath(join(data, 'data'))}
saved_caches_directory: ${yamlPath(join(data, 'saved_caches'))}
hints_directory: ${yamlPath(join(data, 'hints'))}
cdc_raw_directory: ${yamlPath(join(data, 'cdc_raw'))}
disk_failure_policy: stop
commit_failure_policy: stop
concurrent_compactors: 1
`;
}

export function logbackXml(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by stack/src/stores/cassandra-config.ts; INFO to stdout (our log file). -->
<configuration scan="false">
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder>
      <pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern>
    </encoder>
  </appender>
  <logger name="org.apache.cassandra" level="INFO"/>
  <logger name="com.datastax" level="WARN"/>
  <logger name="io.netty" level="WARN"/>
  <root level="INFO">
    <appender-ref ref="STDOUT"/>
  </root>
</configuration>
`;
}

/** Flags from Cassandra's conf/jvm17-server.options (JPMS exports/opens and Netty settings). */
const JVM17_FLAGS: readonly string[] = [
  '-Djdk.attach.allowAttachSelf=true',
  '--add-exports', 'java.base/jdk.internal.misc=ALL-UNNAMED',
  '--add-exports', 'java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED',
  '--add-exports', 'java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports', 'java.rmi/sun.rmi.server=ALL-UNNAMED',
  '--add-exports', 'java.sql/java.sql=ALL-UNNAMED',
  '--add-exports', 'java.base/java.lang.ref=ALL-UNNAMED',
  '--add-exports', 'jdk.unsupported/sun.misc=ALL-UNNAMED',
  '--add-exports', 'jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports', 'jdk.attach/sun.tools.attach=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang.module=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.loader=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.ref=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.reflect=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.math=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.module=ALL-UNNAMED',
  '--add-opens', 'java.base/jdk.internal.util.jar=ALL-UNNAMED',
  '--add-opens', 'jdk.management/com.sun.management.internal=ALL-UNNAMED',
  '--add-opens', 'java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens', 'java.base/java.io=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens', 'jdk.compiler/com.sun.tools.javac=ALL-UNNAMED',
  '--add-opens', 'java.base/java.lang=ALL-UNNAMED',
  '--add-opens', 'java.base/java.util=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dio.netty.allocator.useCacheForAllThreads=true',
  '-Dio.netty.allocator.maxOrder=11',
];

export interface JvmArgsInput {
  lib: string;
  data: string;
  yaml: string;
  logback: string;
  jammJar: string | undefined;
}

export function cassandraJvmArgs(i: JvmArgsInput): string[] {
  return [
    '-Xms512m', '-Xmx1g', '-Xss512k',
    '-XX:+UseG1GC', '-XX:+ParallelRefProcEnabled', '-XX:MaxGCPauseMillis=300',
    '-XX:+PerfDisableSharedMem', '-XX:+ExitOnOutOfMemoryError',
    '-Djava.net.preferIPv4Stack=true',
    ...JVM17_FLAGS,
    ...(i.jammJar ? [`-javaagent:${i.jammJar}`] : []),
    `-Dcassandra.config=file://${i.yaml}`,
    `-Dlogback.configurationFile=file://${i.logback}`,
    '-Dcassandra-foreground=yes',
    `-Dcassandra.storagedir=${i.data}`,
    `-Dcassandra.logdir=${join(i.data, 'logs')}`,
    `-Dcassandra.triggers_dir=${join(i.data, 'triggers')}`,
    // Single node: no gossip settling, no ring delay, no superuser setup wait. JMX stays off
    // (no cassandra.jmx.*.port set), so no JMX port is opened.
    '-Dcassandra.skip_wait_for_gossip_to_settle=0',
    '-Dcassandra.ring_delay_ms=0',
    '-Dcassandra.superuser_setup_delay_ms=0',
    '-cp', `${i.lib}/*`,
    'org.apache.cassandra.service.CassandraDaemon',
  ];
}
