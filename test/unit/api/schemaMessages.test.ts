import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../../shared/api/zodLocale';
import { zodProblems } from '../../../shared/api/zodProblems';
import { riskInputs } from '../../../shared/api/risk';
import { applicationInputSchema, type ApplicationInput } from '../../../shared/domain/application';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { supplySchemeSchema } from '../../../shared/domain/scheme';

const record = JSON.parse(fs.readFileSync('test/fixtures/e2e/hv-new-connection.json', 'utf8')) as ApplicationInput;

/** What leaks when a developer message reaches a clerk: type names, code lists, the word undefined. */
const DEVELOPER_TEXT = /string|number|undefined|期望|实际接收|[A-Z]{2,}\d|"/;

const messagesOf = (schema: typeof supplySchemeSchema | typeof applicationInputSchema, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected problems');
  return zodProblems(parsed.error, schema).map((p) => p.message);
};

describe('schema problems read as Chinese field labels and plain rules', () => {
  it('a supply source row without its number and voltage, and blank required fields', () => {
    const scheme = proposeScheme(record, 'FA-1', '2026-11-29');
    const messages = messagesOf(supplySchemeSchema, {
      ...scheme,
      sources: [...scheme.sources, { nature: '10', substation: '', line: '', boundaryPoint: '' }],
    });
    expect(messages).toContain('供电电源·第 2 项·电源编号：请填写');
    expect(messages).toContain('供电电源·第 2 项·供电电压：请选择');
    expect(messages).toContain('供电电源·第 1 项·产权分界点：请填写');
    for (const message of messages) expect(message).not.toMatch(DEVELOPER_TEXT);
  });

  it('a value off the list, a number where text belongs, too long a name', () => {
    const messages = messagesOf(applicationInputSchema, {
      ...record,
      voltageCode: 'AC99999',
      requestedCapacityKva: '1260',
      customer: { ...record.customer, name: '名'.repeat(3000) },
    });
    expect(messages).toEqual(expect.arrayContaining(['供电电压：请从下拉列表中选择', '申请容量 (kVA)：请填写数字']));
    expect(messages.some((m) => /^客户·户名：不能超过 \d+ 个字符$/.test(m))).toBe(true);
    for (const message of messages) expect(message).not.toMatch(DEVELOPER_TEXT);
  });

  it('a message that names its field is not prefixed with the name again', () => {
    const parsed = riskInputs.close.safeParse({ id: 1, reason: ' 好 ' });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(zodProblems(parsed.error, riskInputs.close).map((p) => p.message)).toEqual(['关闭理由至少 2 个字']);
  });

  it("a schema's own message still wins", () => {
    expect(messagesOf(applicationInputSchema, { ...record, applicationDate: '2026/11/27' })).toEqual([
      '申请日期：日期格式应为 YYYY-MM-DD',
    ]);
  });
});
