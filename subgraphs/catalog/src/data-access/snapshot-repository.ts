import { gunzipSync, gzipSync } from 'node:zlib';
import { Binary, type Collection, type Db } from 'mongodb';
import type { RoundTripCounter } from '@shop/platform';
import type { ProductRecord, ProductTombstone } from '../domain/product';

/**
 * A snapshot of the read model: every product state serialized into a few large documents. It is
 * a cache, never the source of truth: a process starting up loads it (a handful of big strings)
 * instead of decoding every product document, which FerretDB 1.24 does slowly, and then catches
 * up from the change log. Parts carry their epoch; a manifest written last names epoch, version
 * and part count, so a half-written snapshot is never used.
 */
interface SnapshotDocument {
  _id: string;
  epoch: string;
  /** Manifest only: the change-log version the snapshot reflects, and how many parts it has. */
  version?: number;
  parts?: number;
  /** Part only: gzipped JSON array of product states (dates as epoch milliseconds). */
  data?: Binary;
}

export type ProductState = ProductRecord | ProductTombstone;

export interface Snapshot {
  epoch: string;
  version: number;
  states: ProductState[];
}

export interface SnapshotRepository {
  /** The stored snapshot, or null when there is none or it is incomplete. */
  read(): Promise<Snapshot | null>;
  /** Replaces the stored snapshot. */
  write(epoch: string, version: number, states: Iterable<ProductState>): Promise<void>;
  /** Starts a snapshot written part by part (seeding streams products). */
  begin(epoch: string): Promise<SnapshotWriter>;
}

export interface SnapshotWriter {
  add(states: readonly ProductState[]): Promise<void>;
  finish(version: number): Promise<void>;
}

const MANIFEST = 'manifest';
const PART_SIZE = 2000;

/** Compact parts: FerretDB's cost grows with the bytes it decodes, and catalog JSON shrinks ~8x. */
function pack(states: readonly ProductState[]): Binary {
  const plain = states.map((state) =>
    'deleted' in state
      ? { ...state, updatedAt: state.updatedAt.getTime() }
      : { ...state, createdAt: state.createdAt.getTime(), updatedAt: state.updatedAt.getTime() },
  );
  return new Binary(gzipSync(JSON.stringify(plain), { level: 1 }));
}

type Packed =
  | (Omit<ProductRecord, 'createdAt' | 'updatedAt'> & { createdAt: number; updatedAt: number })
  | (Omit<ProductTombstone, 'updatedAt'> & { updatedAt: number });

function unpack(data: Binary): ProductState[] {
  const packed: Packed[] = JSON.parse(gunzipSync(data.buffer).toString('utf8'));
  return packed.map((state) =>
    'deleted' in state
      ? { ...state, updatedAt: new Date(state.updatedAt) }
      : { ...state, createdAt: new Date(state.createdAt), updatedAt: new Date(state.updatedAt) },
  );
}

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
        await snapshots.insertOne({ _id: `part-${parts}`, epoch, data: pack(states) });
        parts++;
      },
      async finish(version) {
        roundTrips?.record('snapshot.writeManifest');
        await snapshots.replaceOne({ _id: MANIFEST }, { epoch, version, parts }, { upsert: true });
      },
    };
  };

  return {
    begin,
    async read() {
      roundTrips?.record('snapshot.read');
      const documents = await snapshots.find({}).toArray();
      const manifest = documents.find((document) => document._id === MANIFEST);
      if (!manifest || manifest.version === undefined || manifest.parts === undefined) return null;
      const parts = documents
        .filter((document) => document._id !== MANIFEST && document.epoch === manifest.epoch && document.data instanceof Binary)
        .sort((a, b) => Number(a._id.slice(5)) - Number(b._id.slice(5)));
      if (parts.length !== manifest.parts) return null;
      const states = parts.flatMap((part) => unpack(part.data!));
      return { epoch: manifest.epoch, version: manifest.version, states };
    },
    async write(epoch, version, states) {
      const writer = await begin(epoch);
      let batch: ProductState[] = [];
      for (const state of states) {
        batch.push(state);
        if (batch.length === PART_SIZE) {
          await writer.add(batch);
          batch = [];
        }
      }
      await writer.add(batch);
      await writer.finish(version);
    },
  };
}
