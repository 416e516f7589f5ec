/**
 * Round-trip probe, preloaded into the services the bench starts itself (`BENCH_PROBE=1`, via
 * NODE_OPTIONS `--import`): counts the datastore requests each service makes while it handles a
 * GraphQL request, through the drivers' own hooks and entry points:
 *   MongoDB command monitoring (`commandStarted`), pg `Client.query`, ioredis commands (a
 *   pipeline or auto-pipeline is one round trip), DynamoDB HTTP requests (the SDK's HTTP
 *   handler, so retries count), Cassandra `execute`/`batch`/`eachRow`/`stream`.
 * Only work done on behalf of an incoming request counts (AsyncLocalStorage), so background jobs
 * (indexer polls, outbox, reconciler, sweepers) do not blur the figures.
 * Serves `GET /__bench/round-trips` (counts) and `POST /__bench/round-trips/reset` on the
 * service's own port, ahead of its Fastify app. Never loaded outside the bench.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { RoundTripCounter } from '@shop/platform';

const PROBE_PATH = '/__bench/round-trips';
const HANDSHAKE = new Set(['hello', 'ismaster', 'ping', 'saslstart', 'saslcontinue', 'endsessions', 'buildinfo', 'getparameter', 'killcursors']);
const REDIS_SETUP = new Set(['info', 'select', 'client', 'auth', 'hello', 'ping', 'script']);

const counter = new RoundTripCounter();
const inRequest = new AsyncLocalStorage<true>();

function record(name: string): void {
  if (inRequest.getStore()) counter.record(name);
}

/** Wraps a method so that `before` sees each call, then the original runs unchanged. */
function wrap(target: object, method: string, before: (self: unknown, args: unknown[]) => void): void {
  const original: unknown = Reflect.get(target, method);
  if (typeof original !== 'function') throw new Error(`bench probe: ${method} is not a method`);
  Reflect.set(target, method, function (this: unknown, ...args: unknown[]) {
    before(this, args);
    return Reflect.apply(original, this, args);
  });
}

const firstWord = (text: unknown) => (typeof text === 'string' ? (text.trim().split(/\s+/)[0] ?? '').toUpperCase() : 'PREPARED');

/** Who sent a GraphQL request: `service:<name>` for service identities, else `gateway`. Unverified: a count label only. */
function callerOf(request: IncomingMessage): string {
  const header = request.headers['x-shop-identity'];
  const payload = typeof header === 'string' ? header.split('.')[1] : undefined;
  if (!payload) return 'unknown';
  try {
    const identity: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (identity && typeof identity === 'object' && 'role' in identity && identity.role === 'service') {
      return `service:${'service' in identity ? String(identity.service) : '?'}`;
    }
    return 'gateway';
  } catch {
    return 'unknown';
  }
}

function instrumentHttp(): void {
  const originalEmit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return Reflect.apply(originalEmit, this, [event, ...args]);
    const request = args[0] as IncomingMessage;
    const response = args[1] as ServerResponse;
    if (request.url?.startsWith(PROBE_PATH)) {
      if (request.method === 'POST') counter.reset();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counter.snapshot()));
      return true;
    }
    if (request.method !== 'POST' || !request.url?.startsWith('/graphql')) return Reflect.apply(originalEmit, this, [event, ...args]);
    counter.record(`http:from ${callerOf(request)}`);
    return inRequest.run(true, () => Reflect.apply(originalEmit, this, [event, ...args]));
  };
}

function instrumentMongo(): void {
  const { MongoClient } = require('mongodb') as typeof import('mongodb');
  const watched = new WeakSet<object>();
  wrap(MongoClient.prototype, 'connect', (self) => {
    if (!(self instanceof MongoClient) || watched.has(self)) return;
    watched.add(self);
    // A setter the driver has (it sets options.monitorCommands) but its types do not declare.
    Reflect.set(self, 'monitorCommands', true);
    self.on('commandStarted', (event) => {
      if (!HANDSHAKE.has(event.commandName.toLowerCase())) record(`mongodb:${event.commandName}`);
    });
  });
}

function instrumentPostgres(): void {
  const pg = require('pg') as typeof import('pg');
  wrap(pg.Client.prototype, 'query', (_self, args) => {
    const config = args[0];
    const text = typeof config === 'object' && config !== null && 'text' in config ? config.text : config;
    record(`postgres:${firstWord(text)}`);
  });
}

function instrumentRedis(): void {
  const Redis = (require('ioredis') as typeof import('ioredis')).default;
  // Pipelines (and ioredis' auto-pipelining) send their commands through sendCommand with their
  // own buffer stream and write them in one go: one round trip per exec.
  wrap(Redis.prototype, 'sendCommand', (_self, args) => {
    const command = args[0];
    if (args[1] !== undefined || typeof command !== 'object' || command === null || !('name' in command)) return;
    const name = String(command.name).toLowerCase();
    if (!REDIS_SETUP.has(name)) record(`redis:${name}`);
  });
  const pipelineProto: object = Object.getPrototypeOf(new Redis({ lazyConnect: true }).pipeline());
  wrap(pipelineProto, 'exec', (self) => {
    const size = self && typeof self === 'object' && 'length' in self ? Number(self.length) : 0;
    if (size > 0) record('redis:pipeline');
  });
}

function instrumentDynamo(): void {
  const { NodeHttpHandler } = require('@smithy/node-http-handler') as typeof import('@smithy/node-http-handler');
  wrap(NodeHttpHandler.prototype, 'handle', (_self, args) => {
    const request = args[0];
    const headers = request && typeof request === 'object' && 'headers' in request ? request.headers : undefined;
    const target = headers && typeof headers === 'object' ? Reflect.get(headers, 'x-amz-target') : undefined;
    record(`dynamodb:${typeof target === 'string' ? (target.split('.')[1] ?? target) : 'request'}`);
  });
}

function instrumentCassandra(): void {
  const { Client } = require('cassandra-driver') as typeof import('cassandra-driver');
  wrap(Client.prototype, 'execute', (_self, args) => record(`cassandra:${firstWord(args[0])}`));
  wrap(Client.prototype, 'batch', () => record('cassandra:BATCH'));
  wrap(Client.prototype, 'eachRow', (_self, args) => record(`cassandra:${firstWord(args[0])}`));
  wrap(Client.prototype, 'stream', (_self, args) => record(`cassandra:${firstWord(args[0])}`));
}

if (process.env.BENCH_PROBE === '1') {
  instrumentHttp();
  instrumentMongo();
  instrumentPostgres();
  instrumentRedis();
  instrumentDynamo();
  instrumentCassandra();
}
