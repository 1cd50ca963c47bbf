/**
 * Personal identity numbers (REFERENCE.md §5.1.1, §5.1.2): the customer's, the legal representative's and the
 * agent's. Policy for the testdata's conditional cases is in docs/rules-policy.md.
 */
import type { IdType } from '../../domain/application';
import { daysBetween } from '../../calendar/isoDate';
import type { AppDraft } from '../engine/draft';
import type { Rule } from '../engine/types';
import { isKnownDivision } from '../ids/divisions';
import { checkPassport, isOldForeignPrNumber } from '../ids/otherIds';
import { memoize } from '../ids/memo';
import { birthDateOf, checkRic, normalizeRic, RIC_KIND_LABELS, ricKind } from '../ids/ric';
import { isBlank } from './facts';

const ID_FIELDS = ['customer.idType', 'customer.idNumber', 'customer.legalRep.idNumber', 'customer.agent.idNumber'];
const GB11643_TYPES: ReadonlySet<IdType> = new Set(['RIC', 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PR']);

/** Keyed by today and the number: the birth-date check depends on the date. */
const ricCheck = memoize((key) => checkRic(key.slice(11), key.slice(0, 10)));
const cachedRic = (value: string, today: string) => ricCheck(`${today}|${value}`);

interface PersonId {
  field: string;
  idType: IdType;
  value: string;
}

/** Personal ID numbers of the record; legal representative and agent default to 居民身份证. */
const personIds = (app: AppDraft): PersonId[] => app.derive('personIds', findPersonIds);

function findPersonIds(app: AppDraft): PersonId[] {
  const out: PersonId[] = [];
  const { customer } = app;
  if (customer.idType && !isBlank(customer.idNumber)) {
    out.push({ field: 'customer.idNumber', idType: customer.idType, value: customer.idNumber });
  }
  const { legalRep, agent } = customer;
  if (legalRep && !isBlank(legalRep.idNumber)) {
    out.push({ field: 'customer.legalRep.idNumber', idType: legalRep.idType ?? 'RIC', value: legalRep.idNumber });
  }
  if (agent && !isBlank(agent.idNumber)) {
    out.push({ field: 'customer.agent.idNumber', idType: agent.idType ?? 'RIC', value: agent.idNumber });
  }
  return out;
}

/** Numbers checked with GB 11643: every RIC-family type, except an old-format foreign PR card number. */
const gb11643Ids = (app: AppDraft): PersonId[] => app.derive('gb11643Ids', findGb11643Ids);

function findGb11643Ids(app: AppDraft): PersonId[] {
  return personIds(app).filter(
    (id) =>
      GB11643_TYPES.has(id.idType) && !(id.idType === 'FOREIGN_PR' && isOldForeignPrNumber(normalizeRic(id.value))),
  );
}

interface RicFinding {
  person: PersonId;
  check: ReturnType<typeof checkRic>;
}

/**
 * The GB 11643 check of each such number, made once per record: ten rules read it, and looking it up per rule
 * (a fresh "today|number" key hashed each time) cost more than the rules themselves on a one-field re-check.
 */
const ricFindings = (app: AppDraft, today: string): RicFinding[] =>
  app.derive('ricFindings', (a) => gb11643Ids(a).map((person) => ({ person, check: cachedRic(person.value, today) })));

/** One rule per GB 11643 check; each reports only its own finding from the shared check. */
function ricRule(id: string, title: string, message: string | Rule['messages'], source: string): Rule {
  return {
    id,
    title,
    severity: 'error',
    fields: ID_FIELDS,
    source,
    messages: typeof message === 'string' ? { main: message } : message,
    check(app, env, report) {
      for (const { person, check } of ricFindings(app, env.today)) {
        for (const problem of check.problems) {
          if (problem.ruleId === id) report(person.field, problem.key, problem.params);
        }
      }
    },
  };
}

export const identityRules: Rule[] = [
  {
    id: 'R-ID-05',
    title: '身份证号码地址码宜在 GB/T 2260 代码表中（历史代码须核对后确认）',
    severity: 'warning',
    fields: ID_FIELDS,
    source: 'REFERENCE §5.1.1 R-ID-05, §5.1.7; SRC-GB2260',
    messages: {
      main: '{field}的地址码“{code}”不在现行行政区划代码表中：可能是已撤销或调整的旧区县代码（身份证号码终身不变，升位的老号码也保留原代码）。请核对证件原件后确认，并在理由中写明已核对。',
    },
    check(app, env, report) {
      for (const { person, check } of ricFindings(app, env.today)) {
        // Only a number that passes every GB 11643 check: a wrong number is reported by R-ID-01..04 already.
        if (check.problems.length > 0 || ricKind(check.normalized) !== 'RIC') continue;
        const code = check.normalized.slice(0, 6);
        if (!isKnownDivision(code, env.profile.serviceTerritory)) report(person.field, 'main', { code });
      }
    },
  },
  ricRule(
    'R-ID-01',
    '身份证号码为 18 位：前 17 位数字，末位为数字或 X',
    '{field}应为 18 位：前 17 位是数字，最后一位是数字或 X（X 只能在最后一位），请核对证件后重新录入。',
    'REFERENCE §5.1.1; SRC-GB11643',
  ),
  ricRule(
    'R-ID-07',
    '不受理 15 位第一代身份证号码',
    '{field}是 15 位的第一代身份证号码，第一代身份证已于 2013 年停止使用，请录入 18 位的第二代居民身份证号码。',
    'REFERENCE §5.1.1 R-ID-07; SRC-GB11643',
  ),
  ricRule(
    'R-ID-04',
    '身份证号码前两位须为省级行政区划代码',
    {
      main: '{field}的前两位“{code}”不是有效的省级行政区划代码，请核对证件。',
      // The 2023 foreign permanent-resident card starts with 9; its province code is digits 2–3.
      foreign:
        '{field}的第 2–3 位“{code}”不是有效的省级行政区划代码（外国人永久居留身份证第 1 位为 9，第 2–3 位为省级代码），请核对证件。',
    },
    'REFERENCE §5.1.1, 附录 A; SRC-GB2260',
  ),
  ricRule(
    'R-ID-03',
    '出生日期须为 1900 年以后的真实日期且不晚于今天',
    '{field}中的出生日期 {date} 不是有效日期（须为 1900 年以后的真实日期且不晚于今天），请核对证件。',
    'REFERENCE §5.1.1; SRC-GB11643',
  ),
  ricRule(
    'R-ID-02',
    '身份证号码校验位（ISO 7064 MOD 11-2）须正确',
    '{field}校验位错误：按 GB 11643 计算应为 {expected}，请核对证件。',
    'REFERENCE §5.1.1; SRC-GB11643',
  ),
  {
    id: 'R-ID-09',
    title: '港澳台居民居住证、外国人永久居留身份证号码须与所选证件类型一致',
    severity: 'error',
    fields: ID_FIELDS,
    source: 'REFERENCE §5.1.1 R-ID-09; SRC-GB11643; testdata NOTES.md',
    messages: {
      main: '{field}是{actual}号码，与所选证件类型“{chosen}”不符，请把证件类型改为“{actual}”或核对号码。',
    },
    check(app, env, report) {
      for (const { person, check } of ricFindings(app, env.today)) {
        if (check.problems.some((p) => p.ruleId === 'R-ID-01' || p.ruleId === 'R-ID-07')) continue;
        const actual = ricKind(check.normalized);
        if (actual !== person.idType) {
          report(person.field, 'main', {
            actual: RIC_KIND_LABELS[actual],
            chosen: RIC_KIND_LABELS[person.idType as keyof typeof RIC_KIND_LABELS],
          });
        }
      }
    },
  },
  {
    id: 'R-ID-08',
    title: '自然人用电人未满 18 周岁须提供监护人或完全民事行为能力证明',
    severity: 'warning',
    fields: ['customer.kind', 'customer.idNumber', 'applicationDate'],
    source: 'REFERENCE §5.1.1 R-ID-08; SRC-MFD arts 17–18',
    messages: {
      main: '用电人按{field}计算未满 {age} 周岁，需由监护人办理或提供完全民事行为能力证明；核实后请确认并写明理由。',
    },
    check(app, env, report) {
      if (app.customer.kind !== 'PERSON' || !app.customer.idType || !GB11643_TYPES.has(app.customer.idType)) return;
      const number = cachedRic(app.customer.idNumber ?? '', env.today).normalized;
      const birth = /^\d{17}[\dX]$/.test(number) ? birthDateOf(number) : undefined;
      if (!birth || birth > env.today) return;
      const adultAge = env.profile.identity.adultAge;
      const adultOn = `${Number(birth.slice(0, 4)) + adultAge}${birth.slice(4)}`;
      if (daysBetween(adultOn, env.today) < 0) report('customer.idNumber', 'main', { age: adultAge });
    },
  },
  {
    id: 'R-ID-10',
    title: '护照、旧版外国人永久居留身份证号码格式（仅提示）',
    severity: 'warning',
    fields: ID_FIELDS,
    source: 'REFERENCE §5.1.2 [M]',
    messages: {
      passport: '{field}不像常见的护照号码（中国护照为 E 加 8 位，外国护照为 5–20 位字母数字），请核对证件。',
      foreignPr: '{field}不是外国人永久居留身份证号码的格式（2023 版 18 位，旧版 3 个字母加 12 位数字），请核对证件。',
    },
    check(app, _env, report) {
      for (const person of personIds(app)) {
        if (person.idType === 'PASSPORT' && checkPassport(person.value).problems.length > 0)
          report(person.field, 'passport');
        if (person.idType === 'FOREIGN_PR') {
          const number = normalizeRic(person.value);
          if (!isOldForeignPrNumber(number) && !/^\d{17}[\dX]$/.test(number)) report(person.field, 'foreignPr');
        }
      }
    },
  },
];
