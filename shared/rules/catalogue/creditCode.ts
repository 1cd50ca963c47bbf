/** 统一社会信用代码 of organisation customers (REFERENCE.md §5.1.3). */
import type { AppDraft } from '../engine/draft';
import type { Rule } from '../engine/types';
import { memoize } from '../ids/memo';
import { checkUscc } from '../ids/uscc';

const cachedUscc = memoize(checkUscc);
import { isBlank } from './facts';

const FIELDS = ['customer.idType', 'customer.idNumber'];

const usccOf = (app: AppDraft): string | undefined =>
  app.customer.idType === 'USCC' && !isBlank(app.customer.idNumber) ? app.customer.idNumber : undefined;

/** The GB 32100 check of the customer's code, made once per record for the eight rules that read it. */
const usccCheckOf = (app: AppDraft): ReturnType<typeof checkUscc> | undefined =>
  app.derive('usccCheck', (a) => {
    const code = usccOf(a);
    return code === undefined ? undefined : cachedUscc(code);
  });

function usccRule(id: string, severity: Rule['severity'], title: string, messages: Rule['messages']): Rule {
  return {
    id,
    title,
    severity,
    fields: FIELDS,
    source:
      id === 'R-UC-06'
        ? 'REFERENCE §5.1.3 R-UC-06; SRC-GB32100; testdata NOTES.md USCC 1'
        : 'REFERENCE §5.1.3; SRC-GB32100',
    messages,
    check(app, _env, report) {
      const check = usccCheckOf(app);
      if (check === undefined) return;
      for (const problem of check.problems) {
        if (problem.ruleId === id) report('customer.idNumber', problem.key, problem.params);
      }
    },
  };
}

/**
 * Name words expected for some holder categories (positions 1–2), REFERENCE.md §5.1.3 R-UC-07 [P]: the
 * licensed name of a cooperative contains 合作社, a foundation's 基金会, a law firm's 律师事务所 …
 */
const NAME_WORDS: Readonly<Record<string, RegExp>> = {
  '93': /合作社/,
  '53': /基金会/,
  '31': /律师事务所/,
  '32': /公证处/,
  '81': /工会/,
};
const PERSONAL_NAME = /^\p{Script=Han}{2,4}$/u;

export const creditCodeRules: Rule[] = [
  usccRule('R-UC-01', 'error', '统一社会信用代码为 18 位，只含规定的 31 个字符', {
    length: '{field}应为 18 位统一社会信用代码，请对照营业执照重新录入。',
    charset:
      '{field}含有不允许的字符（统一社会信用代码只用数字和除 I、O、S、V、Z 以外的大写字母），请对照营业执照重新录入。',
  }),
  usccRule('R-UC-02', 'error', '统一社会信用代码校验码（模 31）须正确', {
    main: '{field}校验码错误：按 GB 32100 计算最后一位应为 {expected}，请对照营业执照核对。',
  }),
  usccRule('R-UC-06', 'warning', '福建试点期代码校验码不符合 GB 32100：须班长核实后确认', {
    main: '{field}校验码不符合 GB 32100（计算应为 {expected}），但形似福建早期试点发放的代码；请班长对照营业执照原件核实，确认并写明理由后方可受理。',
  }),
  usccRule('R-UC-03', 'warning', '登记管理部门码与机构类别码须在 GB 32100 代码表中', {
    main: '{field}前两位“{pair}”不在登记管理部门和机构类别代码表中，请对照营业执照核对。',
  }),
  usccRule('R-UC-04', 'warning', '第 3–8 位须为行政区划代码', {
    main: '{field}第 3–8 位“{region}”不是有效的行政区划代码，请对照营业执照核对。',
  }),
  usccRule('R-UC-05', 'warning', '第 9–17 位（组织机构代码）须通过 GB 11714 校验', {
    main: '{field}第 9–17 位（组织机构代码）校验不通过，请对照营业执照核对。',
  }),
  {
    id: 'R-UC-07',
    title: '户名须与信用代码的主体类型相符',
    severity: 'warning',
    fields: ['customer.name', ...FIELDS],
    source: 'REFERENCE §5.1.3 R-UC-07 [P]',
    messages: {
      words: '信用代码表明主体为{holder}，但户名中没有“{word}”，请按执照上的名称填写户名。',
      personal: '信用代码表明主体为企业，户名却像个人姓名；企业户名应与营业执照上的名称一致，请核对。',
    },
    check(app, _env, report) {
      const check = usccCheckOf(app);
      const name = app.customer.name?.trim();
      if (check === undefined || !name) return;
      const kind = check.normalized.slice(0, 2);
      const words = NAME_WORDS[kind];
      if (words && !words.test(name)) {
        report('customer.name', 'words', { holder: words.source, word: words.source });
      } else if (kind === '91' && PERSONAL_NAME.test(name)) {
        report('customer.name', 'personal');
      }
    },
  },
];
