/**
 * `npm run docs:documents`: page 1 of one document of every type, for docs/documents.md. Renders the PDF fixtures
 * (test/fixtures/pdf: 低压非居民, 居民, 高压) and variants of them — the 副本 of the signed HV contract, the
 * temporary HV contract, a 补充协议 (高压增容) and a 终止协议 (居民销户) — with the current templates, then
 * `pdftoppm -r 100 -gray` and stores each page 1 as a 4-bit greyscale PNG (16 levels keep text and rules crisp at a
 * quarter of the size of 8 bits) in docs/images/documents/.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { DocumentRecord, PaperRecord } from '../main/pdf/documentRecord';
import { renderKind, type DocumentKind } from '../main/pdf/documents';
import { supplementary, termination, withTerms } from '../test/fixtures/pdf/papers';
import { loadRecord } from '../test/fixtures/pdf/records';

const TARGET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/images/documents');
const DPI = 100;

function temporaryHv(): DocumentRecord {
  const record = loadRecord('hv');
  record.application = {
    ...record.application,
    businessType: 'NEW_TEMP',
    endDate: '2027-08-31',
    purpose: '厂房扩建工程施工临时用电',
  };
  return withTerms(record);
}

const DOCUMENTS: { file: string; kind: DocumentKind; record: () => PaperRecord; copy?: boolean }[] = [
  { file: 'scheme-reply-lv', kind: 'scheme-reply', record: () => loadRecord('lvn') },
  { file: 'scheme-reply-hv', kind: 'scheme-reply', record: () => loadRecord('hv') },
  { file: 'contract-residential', kind: 'contract', record: () => withTerms(loadRecord('lvr')) },
  { file: 'contract-lv-nonresidential', kind: 'contract', record: () => withTerms(loadRecord('lvn')) },
  { file: 'contract-hv', kind: 'contract', record: () => withTerms(loadRecord('hv')) },
  { file: 'contract-hv-copy', kind: 'contract', record: () => withTerms(loadRecord('hv'), '2026-12-10'), copy: true },
  { file: 'contract-temporary', kind: 'contract', record: temporaryHv },
  { file: 'work-sheet-meter', kind: 'work-sheet', record: () => loadRecord('hv') },
  { file: 'agreement-supplementary', kind: 'agreement', record: supplementary },
  { file: 'agreement-termination', kind: 'termination', record: termination },
];

/** Binary PGM (P5, 8 bits) as pdftoppm -gray writes it. */
function readPgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 64));
  if (!header) throw new Error('pdftoppm did not write an 8-bit PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: data.subarray(header[0].length) };
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A greyscale PNG of bit depth 4: each pixel rounded to one of 16 levels, two pixels a byte. */
function png4(width: number, height: number, pixels: Buffer): Buffer {
  const stride = Math.ceil(width / 2);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1);
    for (let x = 0; x < width; x++) {
      const level = Math.round(pixels[y * width + x]! / 17);
      raw[row + 1 + (x >> 1)]! |= x % 2 === 0 ? level << 4 : level;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([4, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(TARGET, { recursive: true });
for (const { file, kind, record, copy } of DOCUMENTS) {
  const rendered = renderKind(kind, record(), { copy: Boolean(copy) });
  const page = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', '1', '-l', '1', '-'], {
    input: rendered.pdf,
    maxBuffer: 64 << 20,
  });
  const { width, height, pixels } = readPgm(page);
  const out = path.join(TARGET, `${file}.png`);
  fs.writeFileSync(out, png4(width, height, pixels));
  const size = Math.round(fs.statSync(out).size / 1024);
  process.stdout.write(
    `${path.relative(process.cwd(), out)}  ${rendered.templateId}@${rendered.templateVersion}  ${size} KB\n`,
  );
}
