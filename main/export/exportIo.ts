/**
 * The file operations the export writes with. Real `node:fs` by default; a test swaps in one that fails like a
 * full disk (ENOSPC) to prove that a failed export leaves no half bundle and no advanced watermark.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';

export interface ExportIo {
  openSync(file: string, flags: string): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  createWriteStream(file: string): Writable;
}

export const nodeIo: ExportIo = {
  openSync: (file, flags) => fs.openSync(file, flags, 0o600),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  createWriteStream: (file) => fs.createWriteStream(file, { mode: 0o644 }),
};

/** fsync a finished file by name, then its folder, so the rename that follows survives a power cut. */
export function fsyncFile(io: ExportIo, file: string): void {
  const fd = io.openSync(file, 'r+');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}
