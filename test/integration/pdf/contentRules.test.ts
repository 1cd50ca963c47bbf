/**
 * Issue 12's "wrong or contradictory content" on the current templates, parsed back with pdftotext: clause
 * references that point at the clause they name, one contract capacity everywhere, temporary supply stated on
 * reply and contract, natural persons signing without a seal, the quality clause of the supply voltage, every
 * source on the work sheet, the term counted from signing, and the layout checks on every document.
 */
import { describe, expect, it } from 'vitest';
import { renderKind, type DocumentKind } from '../../../main/pdf/documents';
import type { DocumentRecord } from '../../../main/pdf/documentRecord';
import { withTerms } from '../../fixtures/pdf/papers';
import { loadRecord } from '../../fixtures/pdf/records';
import {
  crossReferenceProblems,
  internalTextProblems,
  layoutText,
  signaturePageProblems,
  unitBreakProblems,
} from './paperChecks';
import { cellTexts, textLines } from './cellChecks';
import { pdfInfo, pdfText, withTempPdf } from './pdfTools';

const KINDS: readonly DocumentKind[] = ['scheme-reply', 'contract', 'work-sheet'];
const SIGNATURE_LABELS: Record<DocumentKind, readonly string[]> = {
  'scheme-reply': ['供电企业'],
  contract: ['供电人（盖章）'],
  'work-sheet': ['装表接电人员'],
  agreement: ['供电人（盖章）'],
  termination: ['供电人（盖章）'],
};

function temporary(fixture: 'lvn' | 'hv', businessType: 'NEW_TEMP' | 'TEMP_EXTEND'): DocumentRecord {
  const record = loadRecord(fixture);
  record.application = { ...record.application, businessType, endDate: '2027-08-31', purpose: '厂房建设项目施工用电' };
  return withTerms(record, undefined, 3);
}

function withMotors(): DocumentRecord {
  const record = loadRecord('hv');
  record.scheme = { ...record.scheme, receiving: { ...record.scheme.receiving!, hvMotorKw: 400 } };
  return record;
}

function person(): DocumentRecord {
  const record = loadRecord('lvn');
  const { legalRep: _legalRep, ...customer } = record.application.customer;
  record.application = { ...record.application, customer: { ...customer, kind: 'PERSON', idType: 'RIC' } };
  return record;
}

function threePhaseResidential(): DocumentRecord {
  const record = loadRecord('lvr');
  record.scheme = { ...record.scheme, voltageCode: 'AC03802', phases: '3' };
  return record;
}

/** Every fixture and variant the paper checks run on. */
const VARIANTS: Record<string, () => DocumentRecord> = {
  lvr: () => loadRecord('lvr'),
  lvn: () => loadRecord('lvn'),
  hv: () => loadRecord('hv'),
  'hv NEW_TEMP': () => temporary('hv', 'NEW_TEMP'),
  'hv TEMP_EXTEND': () => temporary('hv', 'TEMP_EXTEND'),
  'lvn NEW_TEMP': () => temporary('lvn', 'NEW_TEMP'),
  'hv with HV motors': withMotors,
  'lvn natural person': person,
  'lvr 380 V three-phase': threePhaseResidential,
  'hv signed': () => withTerms(loadRecord('hv'), '2026-12-10', 3),
};

const textOf = (kind: DocumentKind, record: DocumentRecord) => {
  const doc = renderKind(kind, record);
  return withTempPdf(doc.pdf, (file) => ({ raw: pdfText(file), doc }));
};
const flat = (raw: string) => raw.replace(/\s+/g, '');

describe.each(Object.keys(VARIANTS))('paper checks: %s', (variant) => {
  it.each(KINDS)('%s: references, internal text, units, signature page', (kind) => {
    const doc = renderKind(kind, VARIANTS[variant]!());
    withTempPdf(doc.pdf, (file) => {
      const raw = pdfText(file);
      expect(crossReferenceProblems(layoutText(file))).toEqual([]);
      expect(internalTextProblems(raw)).toEqual([]);
      expect(unitBreakProblems(raw)).toEqual([]);
      expect(signaturePageProblems(file, doc.pageCount, SIGNATURE_LABELS[kind])).toEqual([]);
      // The template id and version live in the metadata and the QR payload instead.
      expect(pdfInfo(file)).toContain(`${doc.templateId}@${doc.templateVersion}`);
    });
  });
});

describe('the checks themselves', () => {
  it('catch a bare article number, a wrong one, internal text and a unit on the next line', () => {
    const raw =
      '第一条　供电方式\n1. 见下表。\n   第二条　产权分界\n1. 产权分界点见第二条电源表，又见第一条“供电质量”。\n模板：contract-hv v1.2.0\n合同约定容量 6050\nkVA';
    expect(crossReferenceProblems(raw)).toHaveLength(2);
    expect(internalTextProblems(raw).length).toBeGreaterThanOrEqual(2);
    expect(unitBreakProblems(raw)).toHaveLength(1);
  });

  it('would have caught the hard-coded 第二条 of the temporary HV contract v1.2.0', () => {
    const old = renderKind('contract', temporary('hv', 'NEW_TEMP'), { templateVersion: '1.2.0' });
    const problems = withTempPdf(old.pdf, (file) => crossReferenceProblems(layoutText(file)));
    expect(problems.join('；')).toContain('第二条电源表');
    expect(withTempPdf(old.pdf, (file) => internalTextProblems(pdfText(file)))).not.toEqual([]);
  });
});

describe('one contract capacity (REFERENCE.md §5.2)', () => {
  it('states transformers plus HV motors on the reply, the contract and the work sheet alike', () => {
    for (const kind of KINDS) {
      const text = flat(textOf(kind, withMotors()).raw);
      expect(text, kind).toContain('3030kVA（含受电变压器2630kVA、高压电动机400kW）');
    }
    expect(flat(textOf('contract', withMotors()).raw)).not.toMatch(/合同约定容量为?2630kVA/);
  });
});

describe('temporary supply', () => {
  it.each(['NEW_TEMP', 'TEMP_EXTEND'] as const)('the %s reply says 临时 and gives the end date', (type) => {
    const text = flat(textOf('scheme-reply', temporary('hv', type)).raw);
    expect(text).toContain('临时用电，至2027年8月31日止');
    expect(text).toContain('本方案为临时用电方案，临时用电期限至2027年8月31日止');
  });

  it('a permanent reply says nothing of it', () => {
    expect(flat(textOf('scheme-reply', loadRecord('hv')).raw)).not.toContain('临时');
  });
});

describe('who signs', () => {
  it('a natural person signs (签字) with an agent line and no seal; a company seals', () => {
    const personal = flat(textOf('contract', person()).raw);
    expect(personal).toContain('用电人（签字）');
    expect(personal).toContain('委托代理人（签字）');
    expect(personal).not.toContain('用电人（盖章）');
    expect(personal).not.toContain('法定代表人或委托代理人');
    const company = flat(textOf('contract', loadRecord('hv')).raw);
    expect(company).toContain('用电人（盖章）');
  });

  it('a natural person signs for the reply (客户签收（签字）, no seal); scheme-reply-lv 1.5.0 asked for a seal', () => {
    expect(flat(textOf('scheme-reply', loadRecord('lvr')).raw)).toContain('客户签收（签字）');
    expect(flat(textOf('scheme-reply', loadRecord('lvn')).raw)).toContain('客户签收（盖章）');
    const before = renderKind('scheme-reply', loadRecord('lvr'), { templateVersion: '1.5.0' });
    expect(flat(withTempPdf(before.pdf, pdfText))).toContain('客户签收（盖章）');
  });
});

describe('quality clause per voltage and phases (REFERENCE.md §7.3 A.4)', () => {
  it('380 V three-phase, 220 V single-phase, 10 kV and 35 kV each get their own limit', () => {
    const three = flat(textOf('contract', threePhaseResidential()).raw);
    expect(three).toContain('380V三相供电电压偏差为标称电压的±7%');
    expect(three).not.toContain('220V单相');
    expect(flat(textOf('contract', loadRecord('lvr')).raw)).toContain('220V单相供电电压偏差为标称电压的+7%、-10%');
    expect(flat(textOf('contract', loadRecord('hv')).raw)).toContain('10kV三相供电电压偏差为标称电压的±7%');
    const high = loadRecord('hv');
    high.scheme = { ...high.scheme, voltageCode: 'AC00351' };
    expect(flat(textOf('contract', high).raw)).toContain('35kV供电电压正、负偏差绝对值之和不超过标称电压的10%');
  });
});

describe('the dual-source work sheet', () => {
  it('lists every source and its boundary point', () => {
    const record = loadRecord('hv');
    const text = flat(textOf('work-sheet', record).raw);
    // A boundary point is read back cell by cell: pdftotext alone interleaves the lines of neighbouring cells.
    const cells = withTempPdf(renderKind('work-sheet', record).pdf, (file) => cellTexts(textLines(file)).map(flat));
    for (const source of record.scheme.sources) expect(cells).toContain(flat(source.boundaryPoint));
    expect(text).toContain('主供电源');
    expect(text).toContain('备用电源');
  });
});

describe('the term starts at signing', () => {
  it('prints 自签订之日起 before signing and the recorded date once signed', () => {
    const unsigned = flat(textOf('contract', withTerms(loadRecord('hv'), undefined, 3)).raw);
    expect(unsigned).toContain('有效期3年，自签订之日起计算');
    expect(unsigned).not.toContain('2026年11月25日起');
    const signed = flat(textOf('contract', withTerms(loadRecord('hv'), '2026-12-10', 3)).raw);
    expect(signed).toContain('自2026年12月10日（签订之日）起至2029年12月9日止');
    expect(flat(textOf('contract', temporary('hv', 'NEW_TEMP')).raw)).toContain(
      '用电期限自本合同签订之日起至2027年8月31日止',
    );
  });

  it('prints the copies the print dialog uses', () => {
    expect(flat(textOf('contract', withTerms(loadRecord('hv'), undefined, 3)).raw)).toContain('本合同一式3份');
  });
});
