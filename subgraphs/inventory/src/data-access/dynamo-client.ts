import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoOptions {
  /** DynamoDB Local or another endpoint; unset means AWS itself. */
  endpoint?: string;
  region?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Dynamo {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /**
   * For the stock read path only (`stock-item-reader.ts`): low-level commands, with the SDK's
   * middleware resolution cached per command class (`cacheMiddleware`). Never derive a document
   * client from it: document commands capture their first instance's input in the cached handler.
   */
  reads: DynamoDBClient;
  close: () => void;
}

/** Sockets kept open to the store: more than the 8 chunks one read sends at once, times a few requests in flight. */
const MAX_SOCKETS = 64;

/**
 * The DynamoDB clients inventory uses: one per process, sharing keep-alive connections. Against a
 * custom endpoint (DynamoDB Local) without AWS credentials in the environment, it signs with dummy
 * ones, which DynamoDB Local accepts. Pass an endpoint URL, or options.
 */
export function createDynamoClient(endpointOrOptions: string | DynamoOptions = {}): Dynamo {
  const options = typeof endpointOrOptions === 'string' ? { endpoint: endpointOrOptions } : endpointOrOptions;
  const env = options.env ?? process.env;
  const localCredentials = options.endpoint && !env.AWS_ACCESS_KEY_ID;
  const config = {
    region: options.region ?? env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(localCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    // Network errors and throttling are retried by the SDK; keys a batch leaves unprocessed are retried in batch.ts.
    maxAttempts: 3,
    requestHandler: {
      // Both clients share these sockets.
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
      // No request timeout: under contention DynamoDB Local answers transactions slowly, and a write must not be sent twice for that.
      connectionTimeout: 2_000,
    },
  };
  const client = new DynamoDBClient(config);
  const reads = new DynamoDBClient({ ...config, cacheMiddleware: true });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    doc,
    reads,
    close: () => {
      reads.destroy();
      client.destroy();
    },
  };
}
