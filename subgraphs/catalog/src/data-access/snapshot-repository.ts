import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { Binary, type Collection, type Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';

/**
 * A snapshot of the read model: the JSON of every product state, gzipped into a few large
 * documents. It is a cache, never the source of truth: a process starting up loads it (a handful
 * of big binaries) instead of decoding every product document, which FerretDB 1.24 does slowly,
 * and then catches up from the change log. Parts carry their epoch; a manifest written last names
 * epoch, version and part count, so a half-written snapshot is never used.
 */
interface SnapshotDocument {
  _id: string;
  epoch: string;
  /** Manifest only: the layout of the parts, the change-log version reflected, how many parts. */
  format?: string;
  version?: number;
  parts?: number;
  /** Part only: gzipped product states, one JSON per line. */
  data?: Binary;
}

export interface Snapshot {
  epoch: string;
  version: number;
  /** One JSON product state per entry (see domain/product-json). */
  states: string[];
}

export interface SnapshotWriter {
  add(states: readonly string[]): Promise<void>;
  finish(version: number): Promise<void>;
}

export interface SnapshotRepository {
  /** The stored snapshot, or null when there is none or it is incomplete. */
  read(): Promise<Snapshot | null>;
  /** Replaces the stored snapshot. */
  write(epoch: string, version: number, states: readonly string[]): Promise<void>;
  /** Starts replacing the snapshot part by part (seeding streams products). */
  begin(epoch: string): Promise<SnapshotWriter>;
}

// Off the event loop (libuv's pool): compressing a part takes tens of ms, requests keep flowing.
const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

const MANIFEST = 'manifest';
const PART_SIZE = 2000;
/** Bump when the layout of parts changes: a snapshot of another layout is ignored (and rewritten). */
const FORMAT = 'gzip-json-lines-1';

export function createSnapshotRepository(db: Db, roundTrips?: RoundTripCounter): SnapshotRepository {
  const snapshots: Collection<SnapshotDocument> = db.collection<SnapshotDocument>('catalog_snapshot');

  const begin = async (epoch: string): Promise<SnapshotWriter> => {
    roundTrips?.record('snapshot.clear');
    await snapshots.deleteMany({});
    let parts = 0;
    return {
      async add(states) {
        if (states.length === 0) return;
        roundTrips?.record('snapshot.writePart');
        // JSON text has no raw newline, so lines separate states safely.
        const data = new Binary(await gzip(states.join('\n'), { level: 1 }));
        await snapshots.insertOne({ _id: `part-${parts}`, epoch, data });
        parts++;
      },
      async finish(version) {
        roundTrips?.record('snapshot.writeManifest');
        await snapshots.replaceOne({ _id: MANIFEST }, { epoch, format: FORMAT, version, parts }, { upsert: true });
      },
    };
  };

  return {
    begin,
    async read() {
      roundTrips?.record('snapshot.read');
      const documents = await snapshots.find({}).toArray();
      const manifest = documents.find((document) => document._id === MANIFEST);
      if (!manifest || manifest.format !== FORMAT || manifest.version === undefined || manifest.parts === undefined) return null;
      const parts = documents
        .filter((document) => document._id !== MANIFEST && document.epoch === manifest.epoch && document.data instanceof Binary)
        .sort((a, b) => Number(a._id.slice(5)) - Number(b._id.slice(5)));
      if (parts.length !== manifest.parts) return null;
      const states: string[] = [];
      // One part at a time: at most one decompressed buffer beside the strings kept.
      for (const part of parts) for (const line of (await gunzip(part.data!.buffer)).toString('utf8').split('\n')) states.push(line);
      return { epoch: manifest.epoch, version: manifest.version, states };
    },
    async write(epoch, version, states) {
      const writer = await begin(epoch);
      for (let start = 0; start < states.length; start += PART_SIZE) await writer.add(states.slice(start, start + PART_SIZE));
      await writer.finish(version);
    },
  };
}
