import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { IndexState, ProductVectorMetadata } from './vector-index';

/** Version 1 had no IVF section; version 2 adds the partition's centroids and each row's list. */
const MAGIC_V1 = 'SHOPVEC1';
const MAGIC_V2 = 'SHOPVEC2';
const MAGIC_LENGTH = 8;

export interface IndexFileContent {
  dimension: number;
  state: IndexState;
  ids: string[];
  metadata: ProductVectorMetadata[];
  /** `ids.length` rows of `dimension` floats. */
  vectors: Float32Array;
  ivf: { centroids: Float32Array; assignments: Int32Array } | null;
}

interface FileHeader {
  dimension: number;
  count: number;
  state: IndexState;
  ids: string[];
  metadata: ProductVectorMetadata[];
  ivf?: { nlist: number };
}

const align4 = (n: number) => (n + 3) & ~3;

/** Copies `count` values of a typed array out of a file buffer (the buffer's offset need not be aligned). */
function floatsAt(buffer: Buffer, start: number, count: number): Float32Array {
  return new Float32Array(buffer.buffer.slice(buffer.byteOffset + start, buffer.byteOffset + start + count * 4));
}

/**
 * Reads an index file: magic, header length (u32 LE), JSON header (ids, metadata, feed state),
 * padding to 4 bytes, the rows as raw float32, then for version 2 with a partition its centroids
 * (float32) and the list of each row (int32). Null when it holds another dimension.
 */
export function readIndexFile(file: string, dimension: number): IndexFileContent | null {
  const buffer = readFileSync(file);
  const magic = buffer.toString('latin1', 0, MAGIC_LENGTH);
  if (magic !== MAGIC_V1 && magic !== MAGIC_V2) throw new Error(`${file} is not a vector index file`);
  const headerLength = buffer.readUInt32LE(MAGIC_LENGTH);
  const headerStart = MAGIC_LENGTH + 4;
  const header = JSON.parse(buffer.toString('utf8', headerStart, headerStart + headerLength)) as FileHeader;
  if (header.dimension !== dimension) return null;
  let at = align4(headerStart + headerLength);
  const vectors = floatsAt(buffer, at, header.count * dimension);
  at += header.count * dimension * 4;
  let ivf: IndexFileContent['ivf'] = null;
  if (magic === MAGIC_V2 && header.ivf) {
    const centroids = floatsAt(buffer, at, header.ivf.nlist * dimension);
    at += header.ivf.nlist * dimension * 4;
    const assignments = new Int32Array(buffer.buffer.slice(buffer.byteOffset + at, buffer.byteOffset + at + header.count * 4));
    ivf = { centroids, assignments };
  }
  return { dimension, state: header.state, ids: header.ids, metadata: header.metadata, vectors, ivf };
}

/** Writes the whole index to a temp file and renames it, so that a crash never leaves half a file. */
export function writeIndexFile(file: string, content: IndexFileContent): void {
  const count = content.ids.length;
  const header = Buffer.from(
    JSON.stringify({
      dimension: content.dimension,
      count,
      state: content.state,
      ids: content.ids,
      metadata: content.metadata,
      ...(content.ivf ? { ivf: { nlist: content.ivf.centroids.length / content.dimension } } : {}),
    } satisfies FileHeader),
  );
  const prefix = Buffer.alloc(MAGIC_LENGTH + 4);
  prefix.write(MAGIC_V2, 0, 'latin1');
  prefix.writeUInt32LE(header.length, MAGIC_LENGTH);
  const padding = Buffer.alloc(align4(prefix.length + header.length) - prefix.length - header.length);
  const parts = [prefix, header, padding, Buffer.from(content.vectors.buffer, content.vectors.byteOffset, count * content.dimension * 4)];
  if (content.ivf) {
    parts.push(Buffer.from(content.ivf.centroids.buffer, content.ivf.centroids.byteOffset, content.ivf.centroids.byteLength));
    parts.push(Buffer.from(content.ivf.assignments.buffer, content.ivf.assignments.byteOffset, count * 4));
  }
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    for (const part of parts) {
      for (let written = 0; written < part.length; ) written += writeSync(fd, part, written, part.length - written);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
