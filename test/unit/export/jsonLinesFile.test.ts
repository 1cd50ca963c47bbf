import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { LazyDeflateThread } from '../../../main/export/deflateThread';
import { nodeIo } from '../../../main/export/exportIo';
import { DEFLATE_LEVEL } from '../../../main/export/format';
import { JsonLinesFile } from '../../../main/export/jsonLinesFile';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function written(lines: readonly string[], thread?: LazyDeflateThread) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-jsonl-'));
  dirs.push(dir);
  const file = new JsonLinesFile(nodeIo, path.join(dir, 'rows.deflate'), thread);
  for (const line of lines) file.add(line);
  const entry = file.finish();
  return { entry, data: fs.readFileSync(entry.file) };
}

describe('JsonLinesFile', () => {
  it('gives the same deflate bytes, sha256 and CRC-32 when a second thread deflates a large entry', async () => {
    // About 5.5 MB: six chunks through the thread, more than it may hold in flight.
    const lines = Array.from({ length: 40_000 }, (_, i) => `{"id":${i},"text":"第 ${i} 行 ${'x'.repeat(i % 211)}"}`);
    const thread = new LazyDeflateThread(DEFLATE_LEVEL);
    try {
      const inline = written(lines);
      const threaded = written(lines, thread);
      // A small entry after a large one: back on this thread, the thread's state reset.
      const small = written(lines.slice(0, 10), thread);
      const large = written(lines.slice(1000), thread);
      expect(threaded.data.equals(inline.data)).toBe(true);
      expect({ ...threaded.entry, file: '' }).toEqual({ ...inline.entry, file: '' });
      const text = Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8');
      expect(zlib.inflateRawSync(threaded.data).equals(text)).toBe(true);
      expect(threaded.entry.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(threaded.entry.crc32).toBe(zlib.crc32(text));
      expect(small.entry).toEqual({ ...written(lines.slice(0, 10)).entry, file: small.entry.file });
      expect(large.data.equals(written(lines.slice(1000)).data)).toBe(true);
    } finally {
      await thread.close();
    }
  });
});
