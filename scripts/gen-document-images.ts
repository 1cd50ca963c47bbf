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
import {
  agreementRecordSchema,
  type AgreementTerms,
  type DocumentRecord,
  type PaperRecord,
} from '../main/pdf/documentRecord';
import { renderKind, type DocumentKind } from '../main/pdf/documents';
import { defaultContractTerms } from '../main/services/documents/contractTerms';
import type { BusinessType } from '../shared/domain/codes';
import { loadRecord } from '../test/fixtures/pdf/records';

const TARGET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/images/documents');
const DPI = 100;

/** The customer's party details a HV or LV non-residential contract needs (the fixtures predate them). */
function withParties(record: DocumentRecord): DocumentRecord {
  if (record.application.customerClass === 'LVR') return record;
  const customer = {
    ...record.application.customer,
    address: `${record.application.site.address} 财务部`,
    bankAccount: '中国农业银行杭州三墩支行 1903 0101 0400 1234 5',
  };
  return { ...record, application: { ...record.application, customer } };
}

const withTerms = (fixture: DocumentRecord, signedOn?: string): DocumentRecord => {
  const record = withParties(fixture);
  return {
    ...record,
    contract: defaultContractTerms(record.application, record.issuedOn, record.hall.name, {
      copies: 2,
      ...(signedOn ? { signedOn } : {}),
    }),
  };
};

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

/** An agreement on a fixture's account: the fixture's application as `businessType`, with its contract terms. */
function agreementOn(
  fixture: 'hv' | 'lvr',
  paper: { documentNo: string; businessType: BusinessType; accountNo: string },
  agreement: Omit<AgreementTerms, 'holder'>,
): PaperRecord {
  const base = withTerms(loadRecord(fixture));
  const { kind, name, idType, idNumber } = base.application.customer;
  return agreementRecordSchema.parse({
    documentNo: paper.documentNo,
    applicationNo: base.applicationNo,
    issuedOn: base.issuedOn,
    application: { ...base.application, businessType: paper.businessType, accountNo: paper.accountNo },
    hall: base.hall,
    contract: base.contract,
    agreement: { ...agreement, holder: { kind, name, idType, idNumber } },
  });
}

/** 高压增容 on the HV fixture's account: capacity and transformers before → after. */
const supplementary = () =>
  agreementOn(
    'hv',
    { documentNo: 'HT-330106-20261125-0011', businessType: 'INC_HV', accountNo: '3301060087' },
    {
      business: '高压增容',
      baseContract: '合同编号 HT-330106-20240312-0007（2024年3月15日签订）',
      changes: [
        { label: '合同容量', before: '2630 kVA', after: '3330 kVA' },
        { label: '受电变压器', before: '1250 kVA×2台，130 kVA×1台', after: '1600 kVA×2台，130 kVA×1台' },
      ],
    },
  );

/** 居民销户 on the residential fixture: the final reading, arrears and deposit. */
const termination = () =>
  agreementOn(
    'lvr',
    { documentNo: 'HT-330106-20261121-0012', businessType: 'CLOSE', accountNo: '3301060012' },
    {
      business: '销户',
      baseContract: '户号 3301060012 项下的供用电合同',
      changes: [{ label: '用电状态', before: '正常用电', after: '销户' }],
      settlement: { finalReading: '5210 kWh', arrears: '无欠费', deposit: '无保证金' },
    },
  );

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
