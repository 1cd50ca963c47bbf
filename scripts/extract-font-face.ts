/**
 * Copies one face out of an OpenType collection (.ttc) into a standalone .otf, byte for byte per table.
 * Why: Debian's Noto CJK ships as collections of five regional faces sharing one CFF table; we bundle only the
 * Simplified-Chinese face (OFL 1.1 allows redistribution of a modified copy under the same licence).
 *
 *   npx tsx scripts/extract-font-face.ts /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
 *     NotoSerifCJKsc-Regular resources/fonts/NotoSerifCJKsc-Regular.otf
 */
import fs from 'node:fs';

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function faceOffsets(ttc: Buffer): number[] {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error('not a font collection (missing ttcf header)');
  const count = ttc.readUInt32BE(8);
  return Array.from({ length: count }, (_, i) => ttc.readUInt32BE(12 + 4 * i));
}

function tableRecords(ttc: Buffer, faceOffset: number): { sfntVersion: number; tables: TableRecord[] } {
  const numTables = ttc.readUInt16BE(faceOffset + 4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = faceOffset + 12 + 16 * i;
    return {
      tag: ttc.toString('latin1', at, at + 4),
      offset: ttc.readUInt32BE(at + 8),
      length: ttc.readUInt32BE(at + 12),
    };
  });
  return { sfntVersion: ttc.readUInt32BE(faceOffset), tables };
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function postscriptName(ttc: Buffer, tables: TableRecord[]): string {
  const name = tables.find((t) => t.tag === 'name');
  if (!name) return '';
  const base = name.offset;
  const count = ttc.readUInt16BE(base + 2);
  const strings = base + ttc.readUInt16BE(base + 4);
  for (let i = 0; i < count; i++) {
    const rec = base + 6 + 12 * i;
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => ttc.readUInt16BE(rec + d));
    if (nameId === 6 && platform === 3)
      // Copy before swapping: swap16 works in place and would corrupt the source's name table.
      return Buffer.from(ttc.subarray(strings + offset!, strings + offset! + length!))
        .swap16()
        .toString('utf16le');
  }
  return '';
}

function buildOtf(ttc: Buffer, sfntVersion: number, tables: TableRecord[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const entrySelector = Math.floor(Math.log2(sorted.length));
  const searchRange = 16 * 2 ** entrySelector;
  const header = Buffer.alloc(12 + 16 * sorted.length);
  header.writeUInt32BE(sfntVersion, 0);
  header.writeUInt16BE(sorted.length, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(sorted.length * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  let headOffset = -1;
  sorted.forEach((table, i) => {
    const data = Buffer.from(ttc.subarray(table.offset, table.offset + table.length));
    if (table.tag === 'head') {
      data.writeUInt32BE(0, 8); // checkSumAdjustment is recomputed over the new file below
      headOffset = offset;
    }
    const at = 12 + 16 * i;
    header.write(table.tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const otf = Buffer.concat([header, ...bodies]);
  if (headOffset >= 0) otf.writeUInt32BE((0xb1b0afba - checksum(otf)) >>> 0, headOffset + 8);
  return otf;
}

const [source, wanted, target] = process.argv.slice(2);
if (!source || !wanted || !target) throw new Error('usage: extract-font-face.ts SOURCE.ttc POSTSCRIPT_NAME TARGET.otf');
const ttc = fs.readFileSync(source);
const face = faceOffsets(ttc)
  .map((at) => tableRecords(ttc, at))
  .find((f) => postscriptName(ttc, f.tables) === wanted);
if (!face) throw new Error(`face ${wanted} not found in ${source}`);
fs.writeFileSync(target, buildOtf(ttc, face.sfntVersion, face.tables));
console.log(`${target}: ${fs.statSync(target).size} bytes`);
