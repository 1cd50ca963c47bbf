/**
 * Every document type for every customer class, parsed back with the real tools: text present, in order and
 * intact (rare name characters included), every font embedded and subset, a sound structure, page 1 matching
 * the reviewed reference image, and byte-identical output on regeneration — with the current template version
 * and with every archived one, so a contract signed under an older version still reprints the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderKind, templateIdFor } from '../../../main/pdf/documents';
import { loadTemplate } from '../../../main/pdf/templates/loadTemplate';
import type { CustomerClass } from '../../../shared/domain/codes';
import { supplementary, termination } from '../../fixtures/pdf/papers';
import { FIXTURE_NAMES, REFERENCE_DIR, loadRecord } from '../../fixtures/pdf/records';
import { expectSoundDocument } from './pdfChecks';
import { differingShare, parsePgm, renderFirstPage, withTempPdf } from './pdfTools';

/** Rare characters in the fixture names and addresses (CJK Ext A, Ext B and uncommon BMP). */
const RARE: Record<(typeof FIXTURE_NAMES)[number], string[]> = {
  lvr: ['龚䶮喆', '堃玥路'],
  lvn: ['杭州堃玥𠀾餐饮管理有限公司'],
  hv: ['浙江堃泰新材料股份有限公司'],
};

// Set UPDATE_PDF_REFERENCES=1 after a reviewed layout change to rewrite the reference images.
const UPDATE = process.env.UPDATE_PDF_REFERENCES === '1';
const REFERENCE_DPI = 40;

// sha256 of every fixture document: regeneration must give the same bytes in any process, years later. A
// change here means the output changed (template, layout, pdfkit or fontkit upgrade): review, then update.
const SHA_FILE = path.join(REFERENCE_DIR, 'sha256.json');
const shas: Record<string, string> = fs.existsSync(SHA_FILE) ? JSON.parse(fs.readFileSync(SHA_FILE, 'utf8')) : {};
afterAll(() => {
  if (UPDATE || !fs.existsSync(SHA_FILE)) fs.writeFileSync(SHA_FILE, `${JSON.stringify(shas, null, 2)}\n`);
});

describe.each(FIXTURE_NAMES)('documents for the %s fixture', (fixture) => {
  const record = loadRecord(fixture);

  it.each(['scheme-reply', 'contract', 'work-sheet'] as const)('%s passes the tool checks', (kind) => {
    const first = renderKind(kind, record);
    const second = renderKind(kind, record);
    expect(second.pdf.equals(first.pdf), 'two generations are byte-identical').toBe(true);
    const key = `${kind}-${fixture}@${first.templateVersion}`;
    if (UPDATE || !shas[key]) shas[key] = first.sha256;
    expect(first.sha256, 'same bytes as the reviewed generation').toBe(shas[key]);

    withTempPdf(first.pdf, (file) => {
      const customerClass = fixture.toUpperCase() as CustomerClass;
      expectSoundDocument(file, { ...first, kind, customerClass, documentNo: record.documentNo }, RARE[fixture]);

      const page = renderFirstPage(file, REFERENCE_DPI);
      // Stored gzipped: a mostly white page image shrinks about tenfold.
      const reference = path.join(REFERENCE_DIR, `${kind}-${fixture}.pgm.gz`);
      if (UPDATE || !fs.existsSync(reference)) fs.writeFileSync(reference, zlib.gzipSync(page, { level: 9 }));
      const share = differingShare(parsePgm(page), parsePgm(zlib.gunzipSync(fs.readFileSync(reference))));
      expect(share, 'share of page-1 pixels that differ from the reference').toBeLessThan(0.005);
    });
  });

  it.each(['scheme-reply', 'contract', 'work-sheet'] as const)(
    '%s of every archived template version regenerates the bytes it had',
    (kind) => {
      const id = templateIdFor(kind, record.application);
      const current = loadTemplate(id).version;
      const archived = fs
        .readdirSync(path.join('resources', 'templates', 'archive'))
        .map((file) => /^(.+)@(\d+\.\d+\.\d+)\.json$/.exec(file))
        .filter((match) => match?.[1] === id && match[2] !== current)
        .map((match) => match![2]!);
      expect(archived.length, `${id} keeps its earlier versions`).toBeGreaterThan(0);
      for (const version of archived) {
        const key = `${kind}-${fixture}@${version}`;
        expect(shas[key], `${key} was pinned when it was current`).toBeDefined();
        expect(renderKind(kind, record, { templateVersion: version }).sha256, key).toBe(shas[key]);
      }
    },
  );
});

// The 补充协议 and 终止协议 have no fixture of their own: they are built on the fixtures (test/fixtures/pdf/papers.ts).
describe.each([
  ['agreement', supplementary],
  ['termination', termination],
] as const)('the %s paper', (kind, record) => {
  it('regenerates the pinned bytes under its current and every archived template version', () => {
    const id = templateIdFor(kind, record().application);
    const archived = fs
      .readdirSync(path.join('resources', 'templates', 'archive'))
      .map((file) => /^(.+)@(\d+\.\d+\.\d+)\.json$/.exec(file))
      .filter((match) => match?.[1] === id)
      .map((match) => match![2]!);
    for (const version of [loadTemplate(id).version, ...archived]) {
      const first = renderKind(kind, record(), { templateVersion: version });
      expect(renderKind(kind, record(), { templateVersion: version }).pdf.equals(first.pdf)).toBe(true);
      const key = `${kind}@${id}@${version}`;
      if (UPDATE || !shas[key]) shas[key] = first.sha256;
      expect(first.sha256, key).toBe(shas[key]);
    }
  });
});
