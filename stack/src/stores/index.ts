// The store drivers, by name.
import type { StoreDriver, StoreName } from '../types';
import { cassandra } from './cassandra';
import { dynamodb } from './dynamodb';
import { ferretdb } from './ferretdb';
import { postgres } from './postgres';
import { redis } from './redis';

export const DRIVERS: Readonly<Record<StoreName, StoreDriver>> = {
  postgres,
  redis,
  mongodb: ferretdb,
  cassandra,
  dynamodb,
};
