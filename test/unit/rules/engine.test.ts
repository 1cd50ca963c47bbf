import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockingErrors,
  evaluate,
  evaluateField,
  RULES,
  rulesReading,
  unacknowledgedWarnings,
} from '../../../shared/rules';
import { ctx, hvApplication, lvrApplication, suspensionApplication } from './fixtures';

describe('evaluate', () => {
  it('finds nothing wrong with the complete fixtures', () => {
    expect(evaluate(hvApplication(), 'METER_CONNECT', ctx()).issues).toEqual([]);
    expect(evaluate(lvrApplication(), 'ACCEPT', ctx()).issues).toEqual([]);
    expect(evaluate(suspensionApplication(), 'ACCEPT', ctx()).issues.map((i) => i.ruleId)).toEqual(['R-NM-01']);
  });

  it('returns every issue at once, grouped by field', () => {
    const app = lvrApplication();
    app.customer.idNumber = '11010519491231001X';
    app.customer.phone = '12038389438';
    app.site.postalCode = '1000';
    const result = evaluate(app, 'ACCEPT', ctx());
    expect(result.issues.map((i) => `${i.field} ${i.ruleId}`)).toEqual([
      'customer.idNumber R-ID-02',
      'customer.phone R-PH-01',
      'site.postalCode R-PC-01',
    ]);
    expect(Object.keys(result.byField)).toEqual(['customer.idNumber', 'customer.phone', 'site.postalCode']);
    expect(result.byField['customer.idNumber']?.[0]?.message).toBe(
      '证件号码校验位错误：按 GB 11643 计算应为 1，请核对证件。',
    );
  });

  it('reports an unknown stage and checks as at acceptance', () => {
    const result = evaluate(lvrApplication(), 'NOWHERE', ctx());
    expect(result.issues).toEqual([expect.objectContaining({ field: 'stage', ruleId: 'R-REQ-02', severity: 'error' })]);
  });

  it('uses the other severity where the rule says so', () => {
    const lv = { ...lvrApplication(), voltageCode: 'AC03802' as const, requestedCapacityKw: 200 };
    expect(evaluate(lv, 'ACCEPT', ctx()).byField.requestedCapacityKw).toEqual([
      expect.objectContaining({ ruleId: 'R-VC-03', severity: 'error' }),
    ]);
    const existing = suspensionApplication();
    Object.assign(existing, {
      businessType: 'RENAME',
      requestedCapacityKva: 1260,
      transformers: [{ ratingKva: 630, count: 2 }],
    });
    existing.tariff.structure = 'SINGLE';
    existing.existing = { ...existing.existing, tariffStructure: 'SINGLE', capacityKva: 1260 };
    expect(evaluate(existing, 'ACCEPT', ctx()).byField['tariff.structure']).toEqual([
      expect.objectContaining({ ruleId: 'R-TAR-04', severity: 'warning' }),
    ]);
  });
});

describe('blocking and acknowledgement helpers', () => {
  const app = { ...hvApplication(), customer: { ...hvApplication().customer, landline: '95598' } };
  const result = evaluate(app, 'ACCEPT', ctx());

  it('counts warnings as resolved only when acknowledged with a reason', () => {
    expect(blockingErrors(result)).toEqual([]);
    expect(unacknowledgedWarnings(result, []).map((w) => w.ruleId)).toEqual(['R-NM-01', 'R-TEL-01']);
    const acks = [
      { ruleId: 'R-NM-01', reason: '已核对营业执照原件' },
      { ruleId: 'R-TEL-01', reason: '  ' },
    ];
    expect(unacknowledgedWarnings(result, acks).map((w) => w.ruleId)).toEqual(['R-TEL-01']);
  });

  it('treats errors as blocking', () => {
    const bad = evaluate({ ...lvrApplication(), applicationDate: '2030-01-01' }, 'ACCEPT', ctx());
    expect(blockingErrors(bad).map((e) => e.ruleId)).toEqual(['R-DATE-02']);
  });
});

describe('evaluateField', () => {
  it('runs only the rules reading the field, with the same findings as a full run', () => {
    const app = { ...lvrApplication(), customer: { ...lvrApplication().customer, idNumber: '11010519491231001X' } };
    app.site.postalCode = '1';
    const one = evaluateField(app, 'ACCEPT', 'customer.idNumber', ctx());
    expect(one.issues.map((i) => i.ruleId)).toEqual(['R-ID-02']);
    const ids = rulesReading(app, 'ACCEPT', 'customer.idNumber');
    expect(ids).toContain('R-ID-02');
    expect(ids).not.toContain('R-PC-01');
    const full = evaluate(app, 'ACCEPT', ctx()).issues.filter((i) => ids.includes(i.ruleId));
    expect(one.issues).toEqual(full);
  });
});

/** Values that break naive code: wrong types, huge and odd strings, deep nesting. */
const nasty = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('x'.repeat(100_000)),
  fc.constant('😀\u0000\u202e\ud800'),
  fc.constantFrom(Number.NaN, Infinity, -0, 1e308, -1, null, [], {}),
);
const paths = [
  '',
  'businessType',
  'customer',
  'customer.idNumber',
  'customer.name',
  'customer.legalRep',
  'site',
  'site.address',
  'transformers',
  'transformers.0',
  'tariff',
  'documents',
  'documents.0',
  'documents.0.dueStage',
  'existing',
  'existing.transformers',
  'supplies',
  'metering.ctRatio',
  'acknowledgements',
  'endDate',
];

function setPath(target: unknown, path: string, value: unknown): unknown {
  if (path === '') return value;
  const keys = path.split('.');
  const root = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
  return root;
}

describe('evaluate on arbitrary input', () => {
  const stages = ['ACCEPT', 'SCHEME', 'METER_CONNECT', 'ARCHIVE', 'bogus'];
  it('never throws and never hits a rule bug on random JSON', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom(...stages), (value, stage) => {
        const result = evaluate(value, stage, ctx());
        expect(result.issues.every((i) => !i.message.includes('程序错误'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws when any field of a real application is replaced by garbage', () => {
    const bases = [hvApplication, lvrApplication, suspensionApplication];
    fc.assert(
      fc.property(
        fc.constantFrom(...bases),
        fc.array(fc.tuple(fc.constantFrom(...paths), nasty), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...stages),
        (base, edits, stage) => {
          let app: unknown = base();
          for (const [path, value] of edits) app = setPath(app, path, value);
          const result = evaluate(app, stage, ctx());
          for (const issue of result.issues) {
            expect(typeof issue.message).toBe('string');
            expect(issue.message.includes('程序错误')).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  it('covers every rule with metadata the docs need', () => {
    for (const rule of RULES) {
      expect(rule.messages.main ?? Object.values(rule.messages)[0]).toBeTruthy();
      expect(rule.source).not.toBe('');
      expect(rule.fields.length).toBeGreaterThan(0);
    }
  });
});

describe('names', () => {
  it('counts rare characters as one character each against the 256-character limit', () => {
    const rare = lvrApplication();
    rare.customer.name = '𠮷'.repeat(256);
    expect(evaluate(rare, 'ACCEPT', ctx()).issues).toEqual([]);
    rare.customer.name = '王'.repeat(257);
    expect(evaluate(rare, 'ACCEPT', ctx()).issues.map((i) => i.message)).toEqual([
      '户名超过 256 个字符，请按证照上的名称录入。',
    ]);
  });
});
