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
  close: () => void;
}

/**
 * The DynamoDB clients inventory uses. Against a custom endpoint (DynamoDB Local) without AWS
 * credentials in the environment, it signs with dummy ones, which DynamoDB Local accepts.
 * Pass an endpoint URL, or options.
 */
export function createDynamoClient(endpointOrOptions: string | DynamoOptions = {}): Dynamo {
  const options = typeof endpointOrOptions === 'string' ? { endpoint: endpointOrOptions } : endpointOrOptions;
  const env = options.env ?? process.env;
  const localCredentials = options.endpoint && !env.AWS_ACCESS_KEY_ID;
  const client = new DynamoDBClient({
    region: options.region ?? env.AWS_REGION ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(localCredentials ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: 4,
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, doc, close: () => client.destroy() };
}
