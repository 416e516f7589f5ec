import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * Reads named entries from a jar (a zip file) with node's zlib: the model jar holds two plain
 * files at its root, so a full zip library would be more than the job needs.
 */
export function readJarEntries(jarPath: string, names: string[]): Map<string, Buffer> {
  const zip = readFileSync(jarPath);
  let eocd = -1;
  for (let offset = zip.length - 22; offset >= Math.max(0, zip.length - 65_557); offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      eocd = offset;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${jarPath} is not a zip file`);
  const entryCount = zip.readUInt16LE(eocd + 10);
  let cursor = zip.readUInt32LE(eocd + 16);
  const wanted = new Set(names);
  const found = new Map<string, Buffer>();
  for (let entry = 0; entry < entryCount && found.size < wanted.size; entry += 1) {
    if (zip.readUInt32LE(cursor) !== CENTRAL_FILE_HEADER) throw new Error(`${jarPath}: corrupt central directory`);
    const method = zip.readUInt16LE(cursor + 10);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const size = zip.readUInt32LE(cursor + 24);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const name = zip.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    cursor += 46 + nameLength + extraLength + commentLength;
    if (!wanted.has(name)) continue;
    if (zip.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) throw new Error(`${jarPath}: corrupt entry ${name}`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : undefined;
    if (!data) throw new Error(`${jarPath}: entry ${name} uses unsupported compression ${method}`);
    if (data.length !== size) throw new Error(`${jarPath}: entry ${name} has ${data.length} bytes, expected ${size}`);
    found.set(name, data);
  }
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`${jarPath} lacks ${missing.join(', ')}`);
  return found;
}
