import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { nodeIo } from '../../../main/export/exportIo';
import { JsonLinesFile } from '../../../main/export/jsonLinesFile';
import { writeZip } from '../../../main/export/zipBundle';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-zip-'));
  dirs.push(dir);
  return dir;
}

/** Every entry of the zip as yauzl reads it, with its compression method. */
function unzip(file: string): Promise<{ name: string; method: number; text: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const out: { name: string; method: number; text: string }[] = [];
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: entry.fileName, method: entry.compressionMethod, text: Buffer.concat(chunks).toString() });
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('writeZip', () => {
  it('packs in-memory, pre-deflated (several pieces) and stored file entries that any reader inflates', async () => {
    const dir = tempDir();
    const table = new JsonLinesFile(nodeIo, path.join(dir, 'rows.deflate'));
    const lines = Array.from({ length: 30_000 }, (_, i) => `{"id":${i},"text":"第 ${i} 行 ${'x'.repeat(i % 97)}"}`);
    for (const line of lines) table.add(line);
    const deflated = table.finish();
    expect(deflated.bytes).toBeGreaterThan(2 << 20); // more than one 1 MB piece
    fs.writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.7 not really');
    const target = path.join(dir, 'out.zip');
    const read: string[] = [];
    await writeZip(
      nodeIo,
      target,
      [
        { name: 'manifest.json', bytes: Buffer.from('{"a":1}') },
        { name: 'tables/rows.jsonl', deflated },
        { name: 'files/a.pdf', file: path.join(dir, 'a.pdf') },
      ],
      (name) => read.push(name),
    );
    expect(read).toEqual(['manifest.json', 'tables/rows.jsonl', 'files/a.pdf']);
    expect(await unzip(target)).toEqual([
      { name: 'manifest.json', method: 8, text: '{"a":1}' },
      { name: 'tables/rows.jsonl', method: 8, text: lines.join('\n') + '\n' },
      { name: 'files/a.pdf', method: 0, text: '%PDF-1.7 not really' },
    ]);
    const again = path.join(dir, 'again.zip');
    await writeZip(nodeIo, again, [{ name: 'tables/rows.jsonl', deflated }]);
    await writeZip(nodeIo, target, [{ name: 'tables/rows.jsonl', deflated }]);
    expect(fs.readFileSync(again).equals(fs.readFileSync(target))).toBe(true);
  });
});
