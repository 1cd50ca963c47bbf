/**
 * A JSON Lines file written in 1 MB chunks while its sha256 and size are taken, so a table of any size goes to
 * disk in constant memory and its hash is known without reading it back.
 */
import { createHash } from 'node:crypto';
import type { ExportIo } from './exportIo';

const CHUNK = 1 << 20;

export interface WrittenFile {
  rows: number;
  bytes: number;
  sha256: string;
}

export class JsonLinesFile {
  private readonly hash = createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;
  private rows = 0;
  private bytes = 0;
  private readonly fd: number;

  constructor(
    private readonly io: ExportIo,
    file: string,
  ) {
    this.fd = io.openSync(file, 'w');
  }

  /** One line; `line` is canonical JSON without the newline. */
  add(line: string): void {
    this.pending.push(line, '\n');
    this.pendingLength += line.length + 1;
    this.rows++;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(buffer);
    let offset = 0;
    while (offset < buffer.length) offset += this.io.writeSync(this.fd, buffer, offset, buffer.length - offset);
    this.bytes += buffer.length;
  }

  /** Flushes, fsyncs and closes; the file is then complete on disk. */
  finish(): WrittenFile {
    try {
      this.flush();
      this.io.fsyncSync(this.fd);
    } finally {
      this.io.closeSync(this.fd);
    }
    return { rows: this.rows, bytes: this.bytes, sha256: this.hash.digest('hex') };
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
