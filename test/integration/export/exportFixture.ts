import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportIo } from '../../../main/export/exportIo';
import { createExportBatch } from '../../../main/export/createBatch';
import { hallKeysOf } from '../../../main/export/exportStatus';
import type { Manifest } from '../../../main/export/format';
import type { ExportTable } from '../../../main/export/tables';
import type { HandlerContext } from '../../../main/ipc/context';
import { readBundle, type Row } from '../../../main/hq/readBundle';
import { runDemo } from '../../../main/services/demo/runDemo';

export function tempDir(prefix = 'yekuo-export-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function addDemo(ctx: HandlerContext, count: number, seed = 1): void {
  runDemo(ctx, { count, seed, endDate: new Date('2026-02-27T00:00:00Z'), days: 60 });
}

export function exportNow(ctx: HandlerContext, io?: ExportIo) {
  return createExportBatch(ctx, { keys: hallKeysOf(ctx), ...(io ? { io } : {}) });
}

/** Reads a bundle back through HQ's verifying reader, with the hall's own key registered. */
export async function readBack(ctx: HandlerContext, file: string) {
  const publicKey = hallKeysOf(ctx).publicKeyPem;
  const rows = new Map<string, Row[]>();
  const manifest: Manifest = await readBundle(file, path.basename(file), () => publicKey, {
    onManifest: () => undefined,
    onRows: (table: ExportTable, chunk: Row[]) => {
      rows.set(table.name, [...(rows.get(table.name) ?? []), ...chunk]);
    },
  });
  return { manifest, rows };
}

/** Real file operations, except that writes of `phase` fail like a full disk once `budget` bytes are written. */
export function fullDiskAfter(budget: number, base: ExportIo, phase: 'tables' | 'zip'): ExportIo {
  let written = 0;
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...base,
    writeSync: (fd, buffer, offset, length) => {
      if (phase === 'tables' && written + length > budget) throw enospc();
      written += length;
      return base.writeSync(fd, buffer, offset, length);
    },
    createWriteStream: (file) => {
      const stream = base.createWriteStream(file);
      if (phase !== 'zip') return stream;
      const write = stream.write.bind(stream);
      stream.write = ((chunk: Buffer, ...rest: never[]) => {
        written += chunk.length;
        if (written > budget) {
          stream.destroy(enospc());
          return false;
        }
        return write(chunk, ...rest);
      }) as typeof stream.write;
      return stream;
    },
  };
}
