/**
 * A JSON Lines zip entry, written while its rows are read: in chunks of about 1 MB, each hashed (sha256 for the
 * manifest, CRC-32 for the zip) and deflated on its own with a sync flush, so the file on disk is already the
 * entry's deflate data and the zip only copies it (zipBundle.ts). Constant memory for a table of any size; the
 * uncompressed text never touches the disk. Chunks are cut by the lines alone, so the same rows always give the
 * same bytes. An entry that outgrows one chunk has its chunks hashed and deflated on a second thread
 * (deflateThread.ts) while this one goes on building lines, at most MAX_IN_FLIGHT chunks ahead.
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { DeflateThread, LazyDeflateThread } from './deflateThread';
import type { ExportIo } from './exportIo';
import { DEFLATE_LEVEL } from './format';

const CHUNK = 1 << 20;
const MAX_IN_FLIGHT = 4;
/** One deflate stream is the chunks' sync-flushed blocks followed by an empty final block. */
const DEFLATE_CHUNK = { level: DEFLATE_LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const FINAL_BLOCK = zlib.deflateRawSync(Buffer.alloc(0), { level: DEFLATE_LEVEL });

export interface DeflatedEntry {
  /** The deflate data, ready for the zip. */
  file: string;
  rows: number;
  /** Uncompressed size, its sha256 (hex) and CRC-32. */
  bytes: number;
  sha256: string;
  crc32: number;
  compressedBytes: number;
}

export class JsonLinesFile {
  private readonly hash = createHash('sha256');
  private crc = 0;
  /** Lines are encoded straight into this chunk (no long string to flatten and encode later). */
  private chunk = Buffer.allocUnsafeSlow(CHUNK);
  /** Decided at the first flush: the second thread when the entry fills a whole chunk, else this thread. */
  private thread: DeflateThread | null | undefined;
  private used = 0;
  private rows = 0;
  private bytes = 0;
  private compressedBytes = 0;
  private readonly fd: number;

  constructor(
    private readonly io: ExportIo,
    private readonly file: string,
    private readonly deflateThread?: LazyDeflateThread,
  ) {
    this.fd = io.openSync(file, 'w');
  }

  /** One line; `line` is canonical JSON without the newline. */
  add(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: the chunk is cut before a line that might not fit.
    const room = line.length * 3 + 1;
    if (this.used + room > this.chunk.length) {
      this.flush(false);
      if (room > this.chunk.length) this.chunk = Buffer.allocUnsafeSlow(room);
    }
    this.used += this.chunk.write(line, this.used, 'utf8');
    this.chunk[this.used++] = 0x0a;
    this.rows++;
  }

  private flush(last: boolean): void {
    if (this.used === 0) return;
    const buffer = this.chunk.subarray(0, this.used);
    this.used = 0;
    this.bytes += buffer.length;
    if (this.thread === undefined) this.thread = !last && this.deflateThread ? this.deflateThread.get() : null;
    if (this.thread) {
      // The chunk's memory moves to the thread: the next lines go into a fresh one.
      this.thread.send(buffer);
      this.chunk = Buffer.allocUnsafeSlow(CHUNK);
      for (let done = this.thread.poll(); done; done = this.thread.poll()) this.written(done);
      while (this.thread.pending > MAX_IN_FLIGHT) this.written(this.thread.take());
      return;
    }
    this.hash.update(buffer);
    this.crc = zlib.crc32(buffer, this.crc);
    this.write(zlib.deflateRawSync(buffer, DEFLATE_CHUNK));
    if (this.chunk.length > CHUNK) this.chunk = Buffer.allocUnsafeSlow(CHUNK);
  }

  /** A chunk's deflate data from the thread is written; the entry's end carries its sha256 and CRC-32. */
  private written(result: ReturnType<DeflateThread['take']>): { sha256: string; crc32: number } | undefined {
    if ('deflated' in result) {
      this.write(Buffer.from(result.deflated.buffer, result.deflated.byteOffset, result.deflated.byteLength));
      return undefined;
    }
    return result;
  }

  private write(buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) offset += this.io.writeSync(this.fd, buffer, offset, buffer.length - offset);
    this.compressedBytes += buffer.length;
  }

  /**
   * Flushes and closes. Not fsynced: the file is scratch until the zip is written, and the zip is fsynced before
   * it counts.
   */
  finish(): DeflatedEntry {
    let sums: { sha256: string; crc32: number } | undefined;
    try {
      this.flush(true);
      if (this.thread) {
        this.thread.end();
        while (!sums) sums = this.written(this.thread.take());
      }
      this.write(FINAL_BLOCK);
    } finally {
      this.io.closeSync(this.fd);
    }
    return {
      file: this.file,
      rows: this.rows,
      bytes: this.bytes,
      sha256: sums?.sha256 ?? this.hash.digest('hex'),
      crc32: sums?.crc32 ?? this.crc,
      compressedBytes: this.compressedBytes,
    };
  }

  /** Closes after a failure without writing more. */
  abandon(): void {
    try {
      this.io.closeSync(this.fd);
    } catch {
      // already closed or the descriptor is gone: nothing more to release
    }
  }
}
