/**
 * The clauses a legal reviewer expects (issue 12, REFERENCE.md §7.1 and §7.3), on the contract of every business
 * type × customer class that signs one, parsed back with pdftotext: the twelve mandatory items of §7.1 (R-CON-01),
 * references that name the article they point at, the signature page, units and no internal text; then the
 * clauses each contract kind adds (HV party block, definitions, notices, 特别约定, dispute resolution, 3‰; LV
 * non-residential 用电检查, 中止/恢复供电, liability, annexes, temporary purpose; residential disconnection
 * procedure, 阶梯电价, force majeure, 其他约定).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderKind } from '../../../main/pdf/documents';
import type { DocumentRecord } from '../../../main/pdf/documentRecord';
import { defaultContractTerms } from '../../../main/services/documents/contractTerms';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO, type CustomerClass } from '../../../shared/domain/codes';
import { papersFor } from '../../../shared/workflow/contractPaper';
import { loadRecord } from '../../fixtures/pdf/records';
import {
  articleHeadings,
  crossReferenceProblems,
  internalTextProblems,
  layoutText,
  mandatoryItemProblems,
  signaturePageProblems,
  unitBreakProblems,
} from './paperChecks';
import { overlapProblems, textLines, unwrappedLabelProblems, wordBreakProblems } from './cellChecks';
import { pdfFonts, pdfText, withTempPdf, type FontRow } from './pdfTools';

const FIXTURE = { LVR: 'lvr', LVN: 'lvn', HV: 'hv' } as const;

/** The customer's party details from intake (通讯地址, e-mail, bank), and a 特别约定 when `special` is given. */
function contractRecord(type: (typeof BUSINESS_TYPES)[number], cls: CustomerClass, special?: string): DocumentRecord {
  const record = loadRecord(FIXTURE[cls]);
  const application = {
    ...record.application,
    businessType: type,
    customer: {
      ...record.application.customer,
      address: '杭州市余杭区振华路 8 号',
      email: 'law@kuntai.example.cn',
      bankAccount: '中国建设银行杭州三墩支行 3305 0161 6200 0000 1234',
    },
    ...(type === 'NEW_TEMP' ? { endDate: '2027-08-31', purpose: '厂房建设项目施工用电' } : {}),
    ...(special ? { specialTerms: special } : {}),
  };
  return {
    ...record,
    application,
    contract: defaultContractTerms(application, record.issuedOn, record.hall.name, { copies: 2 }),
  };
}

/** Every business type × class whose paper includes a 供用电合同 (contractPaper.ts, codes.ts). */
const CASES = BUSINESS_TYPES.filter((type) => papersFor(type).includes('contract')).flatMap((type) =>
  BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const),
);

interface Rendered {
  layout: string;
  raw: string;
  flat: string;
  fonts: FontRow[];
}

function rendered(record: DocumentRecord, templateVersion?: string): Rendered {
  const doc = renderKind('contract', record, templateVersion ? { templateVersion } : {});
  return withTempPdf(doc.pdf, (file) => {
    expect(signaturePageProblems(file, doc.pageCount, ['供电人（盖章）'])).toEqual([]);
    const raw = pdfText(file);
    return { layout: layoutText(file), raw, flat: raw.replace(/\s+/g, ''), fonts: pdfFonts(file) };
  });
}

describe('the §7.1 checklist on every business type × class that signs a contract', () => {
  it('covers the eight contract-signing types in all their classes', () => {
    expect(CASES).toHaveLength(14);
  });

  it.each(CASES)('%s %s', (type, cls) => {
    const { layout, raw, flat, fonts } = rendered(contractRecord(type, cls));
    expect(mandatoryItemProblems(layout)).toEqual([]);
    expect(crossReferenceProblems(layout)).toEqual([]);
    expect(internalTextProblems(raw)).toEqual([]);
    expect(unitBreakProblems(raw)).toEqual([]);
    expect(flat).toMatch(/特别约定：?无。/);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  });
});

describe('R-CON-01 fails on a missing item', () => {
  it('names what the residential contract 1.1.0 lacked: 违约责任, 其他约定', () => {
    const old = rendered(contractRecord('NEW_LVR', 'LVR'), '1.1.0');
    expect(mandatoryItemProblems(old.layout)).toEqual(
      expect.arrayContaining(['R-CON-01：合同缺少“违约责任”条款', 'R-CON-01：合同缺少“其他约定”条款']),
    );
  });
});

describe('HV contract (REFERENCE.md §7.3 A)', () => {
  const record = contractRecord('NEW_HV', 'HV', '用电人自备应急电源每季度试运行一次。');
  const { layout, flat } = rendered(record);
  const headings = [...articleHeadings(layout).values()];

  it('has a full party block for both sides, from 文书抬头 and the intake fields', () => {
    for (const value of [
      record.hall.utilityName,
      record.hall.taxNumber!,
      record.hall.legalRep!,
      record.hall.address,
      record.hall.bankAccount!,
      record.application.customer.idNumber,
      record.application.customer.legalRep!.name,
      record.application.customer.address!,
      record.application.customer.bankAccount!,
    ]) {
      expect(flat).toContain(value.replace(/\s+/g, ''));
    }
    expect(flat).toContain('纳税人识别号');
  });

  it('defines its terms first, and has notices, 特别约定 and dispute resolution articles', () => {
    expect(headings[0]).toBe('定义');
    for (const term of ['产权分界点：', '合同容量：', '计量点：']) expect(flat).toContain(term);
    expect(headings).toEqual(expect.arrayContaining(['通知与送达', '特别约定', '争议解决', '违约责任']));
    expect(flat).toContain('用电人：杭州市余杭区振华路8号，电话');
    expect(flat).toContain('用电人电子邮件：law@kuntai.example.cn');
    expect(flat).toContain('用电人自备应急电源每季度试运行一次。');
  });

  it('prints 特别约定 as 无 when the clerk recorded none', () => {
    // pdftotext may read the page header in between when the article starts a page.
    expect(rendered(contractRecord('NEW_HV', 'HV')).flat).toMatch(
      /第[一二三四五六七八九十]+条(?:[^第。]*?编号：HT-[\d-]+)?特别约定无。/,
    );
  });

  it('mediation first, then the court of the place of performance (profile default)', () => {
    expect(flat).toContain('可请求电力管理部门或其他依法设立的调解组织调解');
    expect(flat).toContain('向本合同履行地（产权分界点所在地）人民法院提起诉讼');
  });

  it('an arbitration profile names its commission instead', () => {
    const arbitration = {
      ...record,
      contract: {
        ...record.contract!,
        disputeResolution: 'ARBITRATION' as const,
        arbitrationCommission: '杭州仲裁委员会',
      },
    };
    const text = rendered(arbitration).flat;
    expect(text).toContain('提交杭州仲裁委员会仲裁');
    expect(text).not.toContain('人民法院提起诉讼');
  });

  it('charges 2‰ for the current year and 3‰ for earlier years', () => {
    expect(flat).toContain('当年欠费部分每日按欠费总额的2‰、跨年度欠费部分每日按欠费总额的3‰支付违约金');
  });

  it('is refused until 文书抬头 has the utility’s legal representative', () => {
    const { legalRep: _legalRep, ...hall } = record.hall;
    expect(() => renderKind('contract', { ...record, hall })).toThrow(/法定代表人/);
  });
});

describe('LV non-residential contract (REFERENCE.md §7.3 B, D)', () => {
  const { layout, flat } = rendered(contractRecord('NEW_LVN', 'LVN'));

  it('has 用电检查, 中止供电与恢复供电, supplier liability and an annex list', () => {
    expect([...articleHeadings(layout).values()]).toEqual(
      expect.arrayContaining(['安全用电与用电检查', '中止供电与恢复供电', '违约责任与不可抗力', '其他约定']),
    );
    expect(flat).toContain('检查人员应出示《用电检查证》');
    expect(flat).toContain('未事先通知中断供电，给用电人造成损失的，依法承担赔偿责任');
    expect(flat).toContain('下列文件为本合同的附件');
  });

  it('a temporary supply states its purpose and project', () => {
    expect(rendered(contractRecord('NEW_TEMP', 'LVN')).flat).toContain('临时用电用途及项目：厂房建设项目施工用电。');
  });
});

describe('residential contract (REFERENCE.md §7.3 C)', () => {
  const { layout, flat } = rendered(contractRecord('NEW_LVR', 'LVR'));

  it('has the disconnection procedure with its notice period, 阶梯电价, liability, force majeure, 其他约定', () => {
    expect([...articleHeadings(layout).values()]).toEqual(
      expect.arrayContaining(['欠费停电与恢复供电', '双方义务与违约责任', '其他约定']),
    );
    expect(flat).toContain('送达停电通知书，7日后仍未交付的，按规定程序中止供电');
    expect(flat).toContain('居民生活阶梯电价：按年度用电量分档');
    expect(flat).toContain('因不可抗力不能履行本合同的');
    expect(flat).toContain('特别约定：无。');
  });
});

describe('产权分界示意图 (REFERENCE.md §7.2, §7.3 A.8)', () => {
  const record = contractRecord('NEW_HV', 'HV');
  const doc = renderKind('contract', record);

  /** The last page's text and its content streams, uncompressed (qpdf --qdf), and its images (pdfimages -list). */
  const annex = withTempPdf(doc.pdf, (file) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annex-'));
    try {
      const qdf = path.join(dir, 'annex.pdf');
      const last = String(doc.pageCount);
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', '--pages', file, last, '--', file, qdf]);
      return {
        text: execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', last, '-l', last, file, '-'], { encoding: 'utf8' }),
        streams: fs.readFileSync(qdf, 'latin1'),
        images: execFileSync('pdfimages', ['-list', '-f', last, '-l', last, file], { encoding: 'utf8' }),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  const flat = annex.text.replace(/\s+/g, '');

  it('is the annex page after the signatures, listed in the annexes clause', () => {
    expect(flat).toContain('附件产权分界示意图');
    expect(flat).not.toContain('供电人（盖章）');
    expect(rendered(record).flat).toContain('附件产权分界示意图、计量装置配置表');
  });

  it('draws every source: substation, line, the boundary point marked and labelled, the transformers', () => {
    for (const source of record.scheme.sources) {
      expect(flat).toContain(source.substation.replace(/\s+/g, ''));
      expect(flat).toContain(source.boundaryPoint.replace(/\s+/g, ''));
    }
    expect(flat).toContain('第1路主供电源');
    expect(flat).toContain('第2路备用电源');
    expect(flat.match(/产权分界点/g)?.length).toBeGreaterThanOrEqual(record.scheme.sources.length);
    expect(flat).toContain('供电人产权（电源侧）');
    expect(flat).toContain('用电人产权（负荷侧）');
    expect(flat).toContain('1250kVA×2台');
  });

  it('is vector graphics (a dashed boundary line, the substation boxes), with no image', () => {
    expect(annex.streams).toMatch(/\[4 3\] 0 d/);
    expect(annex.streams.match(/ re\b/g)?.length).toBeGreaterThanOrEqual(record.scheme.sources.length);
    expect(annex.images.trim().split('\n')).toHaveLength(2);
  });

  /** The annex page's text lines, and the problems of its labels: wrapped, run together or printed over another. */
  const labelCheck = (
    contract: DocumentRecord & { scheme: NonNullable<DocumentRecord['scheme']> },
    version?: string,
  ) => {
    const rendered = renderKind('contract', contract, version ? { templateVersion: version } : {});
    const lines = withTempPdf(rendered.pdf, textLines).filter((l) => l.page === rendered.pageCount);
    const { receiving } = contract.scheme;
    const labels = [
      ...contract.scheme.sources.flatMap((s) => [s.substation, s.line ?? '', s.boundaryPoint]),
      receiving?.pointType ?? '',
      ...(receiving?.transformers ?? []).map((t) => `${t.ratingKva} kVA × ${t.count} 台`),
    ].filter(Boolean);
    return [...unwrappedLabelProblems(lines, labels), ...overlapProblems(lines)];
  };

  it('prints every label whole on one line, none over another (contract-hv 1.6.0)', () => {
    expect(labelCheck(record)).toEqual([]);
  });

  const [first, second] = record.scheme.sources;
  const crowded = (line?: string) =>
    ({
      ...record,
      scheme: {
        ...record.scheme,
        sources: [
          { ...first!, substation: '三墩镇西湖科技园 110 kV 变电站', ...(line ? { line } : {}) },
          {
            ...second!,
            boundaryPoint: '紫振 5# 环网柜 2# 间隔出线电缆终端头与客户 10 kV 进线电缆连接处（电缆终端头属供电人）',
          },
        ],
        receiving: {
          ...record.scheme.receiving!,
          transformers: [
            { ratingKva: 2000, count: 2 },
            { ratingKva: 1250, count: 1 },
            { ratingKva: 630, count: 1 },
          ],
          hvMotorKw: 400,
        },
      },
    }) as typeof record;

  it('fits a longer substation and boundary point and more equipment, shrinking the labels that need it', () => {
    expect(labelCheck(crowded())).toEqual([]);
  });

  it('breaks a line name too long for one line even at 6 pt between words, over nothing else', () => {
    const long = crowded('10 kV 振华 A 线 振华路 12# 环网柜 3# 间隔 至 三墩镇开闭所 2# 进线');
    const rendered = renderKind('contract', long);
    const lines = withTempPdf(rendered.pdf, textLines).filter((l) => l.page === rendered.pageCount);
    expect(overlapProblems(lines)).toEqual([]);
    expect(wordBreakProblems(lines)).toEqual([]);
    const texts = lines.map((l) => l.text.replace(/\s+/g, ''));
    // Layout 5 prints it with no space beside the Chinese text; it breaks between two words.
    const label = '10kV振华A线振华路12#环网柜3#间隔至三墩镇开闭所2#进线';
    const head = texts.find((t) => t.startsWith('10kV振华A线')) ?? '';
    expect(head.length).toBeGreaterThan(0);
    expect(head.length).toBeLessThan(label.length);
    expect(label.startsWith(head)).toBe(true);
    expect(texts).toContain(label.slice(head.length));
  });

  it('contract-hv 1.5.0 wrapped the line name and the boundary point and printed it over 客户配电站', () => {
    const problems = labelCheck(record, '1.5.0').join('\n');
    expect(problems).toContain('没有印在一行上');
    expect(problems).toContain('重叠');
  });

  it('draws one row for a single source', () => {
    const single = { ...record, scheme: { ...record.scheme, sources: record.scheme.sources.slice(0, 1) } };
    const one = withTempPdf(renderKind('contract', single).pdf, (file) => pdfText(file).replace(/\s+/g, ''));
    expect(one).toContain('第1路主供电源');
    expect(one).not.toContain('第2路');
  });
});
