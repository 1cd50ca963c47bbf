/**
 * Zips the finished entries in a fixed order with fixed metadata, so the same entries always give the same
 * bytes: one DOS timestamp (ZIP_ENTRY_DATE, no extended UTC field), mode 644, deflate at level 6, no comment.
 */
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ExportIo } from './exportIo';
import { ZIP_ENTRY_DATE } from './format';

export type ZipSource = { name: string; bytes: Buffer } | { name: string; file: string };

const ENTRY_OPTIONS = { mtime: ZIP_ENTRY_DATE, forceDosTimestamp: true, mode: 0o100644, compressionLevel: 6 };

export async function writeZip(io: ExportIo, target: string, sources: readonly ZipSource[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const source of sources) {
    if ('bytes' in source) zip.addBuffer(source.bytes, source.name, ENTRY_OPTIONS);
    else zip.addFile(source.file, source.name, ENTRY_OPTIONS);
  }
  zip.end({ forceZip64Format: false, comment: '' });
  await pipeline(zip.outputStream, io.createWriteStream(target));
}
