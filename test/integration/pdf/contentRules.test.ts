/**
 * Issue 12's "wrong or contradictory content" on the current templates, parsed back with pdftotext: clause
 * references that point at the clause they name, one contract capacity everywhere, temporary supply stated on
 * reply and contract, natural persons signing without a seal, the quality clause of the supply voltage, every
 * source on the work sheet, the term counted from signing, and the layout checks on every document.
 */
import { describe, expect, it } from 'vitest';
import { renderKind, type DocumentKind } from '../../../main/pdf/documents';
import type { DocumentRecord } from '../../../main/pdf/documentRecord';
import {
  PAPER_VARIANTS as VARIANTS,
  person,
  temporary,
  threePhaseResidential,
  withMotors,
  withTerms,
} from '../../fixtures/pdf/papers';
import { loadRecord } from '../../fixtures/pdf/records';
import {
  crossReferenceProblems,
  internalTextProblems,
  layoutText,
  orphanHeadingProblems,
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
      expect(orphanHeadingProblems(layoutText(file))).toEqual([]);
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

  it('catch a heading left at the foot of a page, alone or with one line of its section', () => {
    const page = (lines: string) => `编号：HT-1\n${lines}\n第 1 页 共 2 页\n`;
    const alone =
      page('第八条　产权分界\n1. 甲。\n第九条　调度通信') + '\f' + page('用电人受电设施纳入电网调度管理的。');
    expect(orphanHeadingProblems(alone)).toHaveLength(1);
    const oneLine = page('第九条　调度通信\n用电人受电设施') + '\f' + page('纳入电网调度管理的。');
    expect(orphanHeadingProblems(oneLine)).toHaveLength(1);
    const whole = page('第十七条　特别约定\n无。') + '\f' + page('第十八条　合同有效期\n1. 甲。\n2. 乙。');
    expect(orphanHeadingProblems(whole)).toEqual([]);
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

describe('the wording and tables a reviewer read (issue 12 layout list)', () => {
  const layoutOf = (kind: DocumentKind, record: DocumentRecord) =>
    withTempPdf(renderKind(kind, record).pdf, (file) => layoutText(file));

  it('joins filled-in values to the Chinese text around them, with no stray spaces', () => {
    const contract = layoutOf('contract', withTerms(loadRecord('hv')));
    expect(contract).toContain('本合同于文三路供电营业厅签订');
    expect(contract).toContain('供电人以交流10 kV电压');
    expect(contract).not.toMatch(/以 交流|于 文三路|营业厅 签订/);
  });

  it('heads a LV source table 容量(kW) and a HV one 容量(kVA)', () => {
    expect(layoutOf('scheme-reply', loadRecord('lvn'))).toMatch(/电压\s+容量\(kW\)/);
    expect(layoutOf('scheme-reply', loadRecord('lvr'))).not.toContain('容量(kVA)');
    expect(layoutOf('scheme-reply', loadRecord('hv'))).toMatch(/电压\s+容量\(kVA\)/);
  });

  it('fills 办理时限 from the scheme deadlines, and leaves it out when there are none', () => {
    expect(layoutOf('scheme-reply', loadRecord('hv'))).toMatch(/办理时限[\s\S]*竣工报验\s+2027年9月30日/);
    const none = loadRecord('hv');
    none.scheme = { ...none.scheme, deadlines: [] };
    expect(layoutOf('scheme-reply', none)).not.toContain('办理时限');
  });

  it('says 不执行功率因数调整电费, never 考核标准为不考核', () => {
    const text = flat(layoutOf('contract', withTerms(loadRecord('lvn'))));
    expect(text).toContain('不执行功率因数调整电费');
    expect(text).not.toContain('不考核');
    expect(flat(layoutOf('contract', withTerms(loadRecord('hv'))))).toContain('功率因数考核标准为0.90');
  });

  it("prints the agent as 联系人 beside the agent's own phone, else the applicant's phone", () => {
    expect(layoutOf('scheme-reply', loadRecord('hv'))).toMatch(/联系人\s+王𠀾\s+联系电话\s+13700003333/);
    const noAgentPhone = loadRecord('hv');
    const { agent, ...customer } = noAgentPhone.application.customer;
    noAgentPhone.application = {
      ...noAgentPhone.application,
      customer: { ...customer, agent: { ...agent!, phone: undefined } },
    };
    const text = layoutOf('scheme-reply', noAgentPhone);
    expect(text).not.toContain('王𠀾');
    expect(text).toMatch(/联系电话\s+0571-8888 6666/);
  });
});
