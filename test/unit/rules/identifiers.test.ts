import { describe, expect, it } from 'vitest';
import { checkMobile, checkRic, checkUscc, isValidId, ricCheckChar, usccCheckChar } from '../../../shared/rules';
import { checkAccountNumber } from '../../../shared/rules/ids/account';
import { checkLandline } from '../../../shared/rules/ids/phone';
import { isValidOrgCode } from '../../../shared/rules/ids/orgCode';
import { phoneExpected, phoneVectors, ricExpected, ricVectors, usccExpected, usccVectors } from './vectors';

const TODAY = '2026-06-15';

describe('居民身份证号码 vectors', () => {
  it('uses all 97 vectors, 68 of them without a policy choice', () => {
    expect(ricVectors).toHaveLength(97);
    expect(ricVectors.filter((v) => !v.conditional)).toHaveLength(68);
  });
  it.each(ricVectors.map((v) => [v.value, ricExpected(v), v.conditional ?? ''] as const))(
    '%j → %s %s',
    (value, expected) => {
      expect(isValidId(checkRic(value, TODAY))).toBe(expected);
    },
  );
});

describe('统一社会信用代码 vectors', () => {
  it.each(usccVectors.map((v) => [v.value, usccExpected(v)] as const))('%j → %s', (value, expected) => {
    expect(isValidId(checkUscc(value))).toBe(expected);
  });
  it('accepts the Fujian pilot codes only with warning R-UC-06', () => {
    for (const v of usccVectors.filter((x) => x.conditional?.includes('pilot'))) {
      expect(checkUscc(v.value).problems.map((p) => [p.ruleId, p.severity])).toEqual([['R-UC-06', 'warning']]);
    }
  });
});

describe('mobile number vectors', () => {
  it.each(phoneVectors.map((v) => [v.value, phoneExpected(v)] as const))('%j → %s', (value, expected) => {
    expect(isValidId(checkMobile(value))).toBe(expected);
  });
  it('warns on the disputed segment 149', () => {
    expect(checkMobile('14999230918').problems).toEqual([
      { ruleId: 'R-PH-02', severity: 'warning', key: 'main', params: { segment: '149' } },
    ]);
  });
});

describe('RIC findings', () => {
  it.each([
    ['11010519491231002X', []],
    ['11010519491231001X', ['R-ID-02']],
    ['110101491001001', ['R-ID-07']],
    ['1101051949123100X2', ['R-ID-01']],
    ['990426199112010074', ['R-ID-04']],
    ['360426199113010079', ['R-ID-03']],
    ['810000199408230021', []],
  ] as const)('%s → %j', (value, ids) => {
    expect(checkRic(value, TODAY).problems.map((p) => p.ruleId)).toEqual(ids);
  });
  it('rejects a birth date after today and before 1900', () => {
    const future = `1101052026070100${'1'}`;
    expect(checkRic(future + ricCheckChar(future), TODAY).problems.map((p) => p.ruleId)).toEqual(['R-ID-03']);
    const old = '11010518991231001';
    expect(checkRic(old + ricCheckChar(old), TODAY).problems.map((p) => p.ruleId)).toEqual(['R-ID-03']);
  });
  it('computes the worked example of REFERENCE §5.1.1', () => {
    expect(ricCheckChar('11010519491231002')).toBe('X');
  });
});

describe('USCC findings', () => {
  it('computes the worked example of REFERENCE §5.1.3 and its GB 11714 body', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidOrgCode('M000100Y4')).toBe(true);
  });
  it('accepts letter registration-authority codes (R-UC-08) and checks them', () => {
    const body = 'N1110000600037341';
    expect(checkUscc(body + usccCheckChar(body)).problems).toEqual([]);
    expect(checkUscc('A1110000600037341L').problems.map((p) => p.ruleId)).toEqual(['R-UC-02']);
  });
  it.each([
    ['9111000060003IOZSV', 'R-UC-01'],
    ['12345', 'R-UC-01'],
  ])('%s → %s', (value, id) => {
    expect(checkUscc(value).problems.map((p) => p.ruleId)).toEqual([id]);
  });
  it('warns on an unknown category pair, a bad region and a bad organisation code', () => {
    const body = '97991234600037340';
    expect(checkUscc(body + usccCheckChar(body)).problems.map((p) => p.ruleId)).toEqual([
      'R-UC-03',
      'R-UC-04',
      'R-UC-05',
    ]);
  });
});

describe('landline and account numbers', () => {
  it.each([
    ['010-62345678', []],
    ['0571-8765432-123', []],
    ['95598', ['service']],
    ['12345678', ['main']],
  ] as const)('%s → %j', (value, keys) => {
    expect(checkLandline(value).problems.map((p) => p.key)).toEqual(keys);
  });
  it.each([
    ['1234567890', { lengths: [10, 13] }, []],
    ['3301234567890', { lengths: [10, 13], prefix13: '330' }, []],
    ['1101234567890', { lengths: [10, 13], prefix13: '330' }, ['R-HH-02']],
    ['1234567890', { lengths: [10, 13], prefix13: '330' }, ['R-HH-03']],
    ['12345', { lengths: [10, 13] }, ['R-HH-01']],
    ['12345A7890', { lengths: [10, 13] }, ['R-HH-01']],
  ] as const)('%s %j → %j', (value, policy, ids) => {
    expect(checkAccountNumber(value, policy).problems.map((p) => p.ruleId)).toEqual(ids);
  });
});

describe('pasted full-width input', () => {
  it('folds full-width digits and letters before checking', () => {
    expect(checkRic('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({
      normalized: '11010519491231002X',
      problems: [],
    });
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３').problems).toEqual([]);
    expect(checkMobile('＋８６ １３８－３８３８－９４３８')).toMatchObject({ normalized: '13838389438', problems: [] });
  });
});
