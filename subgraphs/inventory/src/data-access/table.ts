import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { RoundTripCounter } from '@shop/platform';
import type { Dynamo } from './dynamo-client';
import { ACTIVE_INDEX } from './keys';

/** Creates the inventory table and its index when absent; safe to call on every start. */
export async function ensureInventoryTable(dynamo: Dynamo, table: string, roundTrips?: RoundTripCounter): Promise<void> {
  if (await isActive(dynamo, table, roundTrips)) return;
  try {
    roundTrips?.record('inventory.createTable');
    await dynamo.client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: ACTIVE_INDEX,
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      }),
    );
  } catch (error) {
    // Another instance created it first.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  for (let attempt = 0; attempt < 60 && !(await isActive(dynamo, table, roundTrips)); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  try {
    // Finished reservations carry purgeAt so DynamoDB deletes them after the idempotency window.
    await dynamo.client.send(
      new UpdateTimeToLiveCommand({ TableName: table, TimeToLiveSpecification: { AttributeName: 'purgeAt', Enabled: true } }),
    );
  } catch {
    // Already enabled, or not supported by this DynamoDB Local build: records then simply stay.
  }
}

async function isActive(dynamo: Dynamo, table: string, roundTrips?: RoundTripCounter): Promise<boolean> {
  try {
    roundTrips?.record('inventory.describeTable');
    const { Table } = await dynamo.client.send(new DescribeTableCommand({ TableName: table }));
    return Table?.TableStatus === 'ACTIVE';
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

export async function dropInventoryTable(dynamo: Dynamo, table: string): Promise<void> {
  try {
    await dynamo.client.send(new DeleteTableCommand({ TableName: table }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
}

export async function pingDynamo(dynamo: Dynamo, table: string): Promise<void> {
  await dynamo.client.send(new DescribeTableCommand({ TableName: table }));
}
