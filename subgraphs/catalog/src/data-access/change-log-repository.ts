import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';

/**
 * A tiny change log in one document: `version` counts product writes and `recent` holds the ids
 * of the latest ones, the last id belonging to `version`. Both move in one atomic update made
 * AFTER the product is written, so a reader that sees version v can load every change up to v.
 * A new `epoch` (seeding, or a fresh database) tells readers to reload everything.
 */
interface ChangeLogDocument {
  _id: string;
  epoch: string;
  version: number;
  recent: string[];
}

export interface ChangeLogState {
  epoch: string;
  version: number;
  /** Ids of the latest changes; the last one is change number `version`. */
  recent: string[];
}

export interface ChangeLogRepository {
  read(): Promise<ChangeLogState>;
  /** Appends changed product ids (after the products were written); returns the log's new position. */
  record(ids: readonly string[]): Promise<{ epoch: string; version: number }>;
  /** Starts a new epoch (given or random): every reader reloads the whole catalog. */
  restart(epoch?: string): Promise<{ epoch: string; version: number }>;
}

const LOG_ID = 'products';
const TRIM_ABOVE = 320;
const KEEP = 128;

export function createChangeLogRepository(db: Db, roundTrips?: RoundTripCounter): ChangeLogRepository {
  const log: Collection<ChangeLogDocument> = db.collection<ChangeLogDocument>('catalog_changes');
  return {
    async read() {
      roundTrips?.record('changeLog.read');
      const document = await log.findOne({ _id: LOG_ID });
      return document
        ? { epoch: document.epoch, version: document.version, recent: document.recent ?? [] }
        : { epoch: '', version: 0, recent: [] };
    },
    async record(ids) {
      if (ids.length === 0) throw new Error('nothing to record');
      roundTrips?.record('changeLog.append');
      const document = await log.findOneAndUpdate(
        { _id: LOG_ID },
        { $inc: { version: ids.length }, $push: { recent: { $each: [...ids] } }, $setOnInsert: { epoch: randomUUID() } },
        { upsert: true, returnDocument: 'after' },
      );
      if (document && document.recent.length > TRIM_ABOVE) {
        // Only trims if nobody appended meanwhile (same version); the next writer trims otherwise.
        roundTrips?.record('changeLog.trim');
        await log.updateOne({ _id: LOG_ID, version: document.version }, { $set: { recent: document.recent.slice(-KEEP) } });
      }
      if (!document) throw new Error('the change log was not written');
      return { epoch: document.epoch, version: document.version };
    },
    async restart(epoch = randomUUID()) {
      roundTrips?.record('changeLog.restart');
      const document = await log.findOneAndUpdate(
        { _id: LOG_ID },
        { $set: { epoch, recent: [] }, $inc: { version: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      if (!document) throw new Error('the change log was not written');
      return { epoch: document.epoch, version: document.version };
    },
  };
}
