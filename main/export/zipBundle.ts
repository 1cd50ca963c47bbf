/**
 * Writes the bundle's zip in a fixed order with fixed metadata, so the same entries always give the same bytes:
 * one DOS timestamp (ZIP_ENTRY_DATE, no extra fields), mode 644, UTF-8 names, no comment, sizes and CRC-32 in
 * the local headers (no data descriptors). Table entries arrive already deflated (jsonLinesFile.ts) and are
 * copied; small in-memory entries (manifest, signature) are deflated here; attached files (PDFs, compressed
 * already) are stored. Entries and the archive stay below 4 GiB (no Zip64): a larger batch is refused with a
 * clear message.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../services/errors';
import type { ExportIo } from './exportIo';
import { DEFLATE_LEVEL, ZIP_ENTRY_DATE } from './format';
import type { DeflatedEntry } from './jsonLinesFile';

export type ZipSource =
  { name: string; bytes: Buffer } | { name: string; file: string } | { name: string; deflated: DeflatedEntry };

const STORED = 0;
const DEFLATED = 8;
const UTF8_NAMES = 0x0800;
const VERSION = 20;
const MADE_BY_UNIX = (3 << 8) | VERSION;
const MODE_644 = (0o100644 << 16) >>> 0;
const DOS_TIME = (ZIP_ENTRY_DATE.getHours() << 11) | (ZIP_ENTRY_DATE.getMinutes() << 5);
const DOS_DATE =
  ((ZIP_ENTRY_DATE.getFullYear() - 1980) << 9) | ((ZIP_ENTRY_DATE.getMonth() + 1) << 5) | ZIP_ENTRY_DATE.getDate();
const LIMIT = 0xffffffff;

interface Placed {
  name: Buffer;
  method: number;
  crc32: number;
  compressedBytes: number;
  bytes: number;
  offset: number;
}

/** How one source goes into the zip: its header fields and where its data comes from. */
async function prepare(source: ZipSource): Promise<Omit<Placed, 'offset'> & { data: Buffer | string }> {
  const name = Buffer.from(source.name, 'utf8');
  if ('bytes' in source) {
    const data = zlib.deflateRawSync(source.bytes, { level: DEFLATE_LEVEL });
    return {
      name,
      method: DEFLATED,
      crc32: zlib.crc32(source.bytes),
      compressedBytes: data.length,
      bytes: source.bytes.length,
      data,
    };
  }
  if ('deflated' in source) {
    const entry = source.deflated;
    return {
      name,
      method: DEFLATED,
      crc32: entry.crc32,
      compressedBytes: entry.compressedBytes,
      bytes: entry.bytes,
      data: entry.file,
    };
  }
  let crc32 = 0;
  let bytes = 0;
  for await (const chunk of fs.createReadStream(source.file)) {
    crc32 = zlib.crc32(chunk as Buffer, crc32);
    bytes += (chunk as Buffer).length;
  }
  return { name, method: STORED, crc32, compressedBytes: bytes, bytes, data: source.file };
}

/** The fields local and central headers share, from `at`: flags, method, time, date, CRC-32, sizes, name length. */
function writeCommon(header: Buffer, at: number, entry: Omit<Placed, 'offset'>): void {
  header.writeUInt16LE(UTF8_NAMES, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(entry.crc32 >>> 0, at + 8);
  header.writeUInt32LE(entry.compressedBytes, at + 12);
  header.writeUInt32LE(entry.bytes, at + 16);
  header.writeUInt16LE(entry.name.length, at + 20);
  // then the extra field's length: 0
}

function localHeader(entry: Omit<Placed, 'offset'>): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(VERSION, 4);
  writeCommon(header, 6, entry);
  return Buffer.concat([header, entry.name]);
}

function centralHeader(entry: Placed): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  header.writeUInt16LE(VERSION, 6);
  writeCommon(header, 8, entry);
  // comment length, disk number, internal attributes: 0
  header.writeUInt32LE(MODE_644, 38);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfCentralDirectory(entries: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

/**
 * `onEntryRead` is told when an entry's data has been copied whole into the zip (entries are packed one after
 * the other, in order): the bundle's progress.
 */
export async function writeZip(
  io: ExportIo,
  target: string,
  sources: readonly ZipSource[],
  onEntryRead?: (name: string) => void,
): Promise<void> {
  const out = io.createWriteStream(target);
  const write = async (chunk: Buffer) => {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  };
  // A failed write (a full disk) destroys the stream: every wait races this.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const placed: Placed[] = [];
  let offset = 0;
  try {
    for (const source of sources) {
      const entry = await prepare(source);
      if (entry.bytes >= LIMIT || offset + entry.compressedBytes >= LIMIT) {
        throw new AppError('STORAGE', '本批数据超过 4 GB，超出数据包格式的上限：请分次导出（联系技术支持）。');
      }
      const header = localHeader(entry);
      await write(header);
      if (Buffer.isBuffer(entry.data)) await write(entry.data);
      else await copyInto(entry.data, write);
      placed.push({ ...entry, offset });
      offset += header.length + entry.compressedBytes;
      onEntryRead?.(source.name);
    }
    const central = Buffer.concat(placed.map(centralHeader));
    await write(central);
    await write(endOfCentralDirectory(placed.length, central.length, offset));
    out.end();
    await Promise.race([finished(out), failed]);
  } catch (error) {
    out.destroy();
    throw error;
  }
}

async function copyInto(file: string, write: (chunk: Buffer) => Promise<void>): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) await write(chunk as Buffer);
}
