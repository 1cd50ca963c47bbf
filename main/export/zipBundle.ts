/**
 * Zips the finished entries in a fixed order with fixed metadata, so the same entries always give the same
 * bytes: one DOS timestamp (ZIP_ENTRY_DATE, no extended UTC field), mode 644, deflate at level 6, no comment.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ExportIo } from './exportIo';
import { ZIP_ENTRY_DATE } from './format';

export type ZipSource = { name: string; bytes: Buffer } | { name: string; file: string };

const ENTRY_OPTIONS = { mtime: ZIP_ENTRY_DATE, forceDosTimestamp: true, mode: 0o100644, compressionLevel: 6 };

/**
 * `onEntryRead` is told when a file entry has been read whole into the zip (entries are packed one after the
 * other, in order): the bundle's progress. A file entry is declared with its size, exactly as yazl's addFile
 * would, so the bytes do not depend on how it is read.
 */
export async function writeZip(
  io: ExportIo,
  target: string,
  sources: readonly ZipSource[],
  onEntryRead?: (name: string) => void,
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const source of sources) {
    if ('bytes' in source) {
      zip.addBuffer(source.bytes, source.name, ENTRY_OPTIONS);
      continue;
    }
    const size = fs.statSync(source.file).size;
    zip.addReadStreamLazy(source.name, { ...ENTRY_OPTIONS, size }, (give) => {
      const stream = fs.createReadStream(source.file);
      stream.on('end', () => onEntryRead?.(source.name));
      // A read error fails the zip's output (and so the pipeline below); after a failed write it is moot.
      stream.on('error', (error) => (zip.outputStream as Readable).destroy(error));
      give(null, stream);
    });
  }
  zip.end({ forceZip64Format: false, comment: '' });
  await pipeline(zip.outputStream, io.createWriteStream(target));
}
