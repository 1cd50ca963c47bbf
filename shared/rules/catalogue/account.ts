/**
 * 户号 for changes to an existing service (REFERENCE.md §5.1.8), and whether the account is known. A new connection
 * records the 户号 the marketing system issued once the meter is connected: it must be a new one.
 */
import { BUSINESS_TYPE_INFO } from '../../domain/codes';
import type { Rule } from '../engine/types';
import { checkAccountNumber } from '../ids/account';
import type { AppDraft } from '../engine/draft';
import { isBlank } from './facts';

const needsAccount = (app: AppDraft): boolean =>
  app.businessType !== undefined && BUSINESS_TYPE_INFO[app.businessType].needsAccount;

function accountRule(id: string, title: string, severity: Rule['severity'], messages: Rule['messages']): Rule {
  return {
    id,
    title,
    severity,
    fields: ['businessType', 'accountNo'],
    source: 'REFERENCE §5.1.8; SRC-HUHAO',
    messages,
    check(app, env, report) {
      if (isBlank(app.accountNo)) {
        if (id === 'R-HH-01' && needsAccount(app)) report('accountNo', 'missing');
        return;
      }
      const policy = {
        lengths: env.profile.accountNumber.lengths,
        prefix13: env.profile.accountNumber.prefix13 ?? undefined,
      };
      for (const problem of checkAccountNumber(app.accountNo, policy).problems) {
        if (problem.ruleId === id) report('accountNo', problem.key, problem.params);
      }
    },
  };
}

/** Whether the 户号 is in the hall's archive (a lookup only the main process makes), against what the type needs. */
function knownAccountRule(spec: {
  id: string;
  title: string;
  fields: string[];
  source: string;
  main: string;
  refuses: (app: AppDraft, exists: boolean | undefined) => boolean;
}): Rule {
  return {
    id: spec.id,
    title: spec.title,
    severity: 'error',
    fields: spec.fields,
    source: spec.source,
    messages: { main: spec.main },
    check(app, env, report) {
      if (isBlank(app.accountNo) || !spec.refuses(app, env.lookups.accountExists)) return;
      report('accountNo', 'main', { accountNo: app.accountNo.trim() });
    },
  };
}

export const accountRules: Rule[] = [
  accountRule('R-HH-01', '户号为 10 或 13 位数字；变更类业务必须填写', 'error', {
    missing: '办理变更类业务须填写{field}，请向客户索取电费单或在档案中查询后填写。',
    format: '{field}应为 {lengths} 位数字，请核对电费单后重新录入。',
  }),
  accountRule('R-HH-02', '13 位户号须以本省前缀开头', 'warning', {
    main: '{field}是 13 位，但不以本省前缀 {prefix} 开头，请核实是否为外省户号。',
  }),
  accountRule('R-HH-03', '本省已升级为 13 位户号时，10 位户号须补前缀', 'warning', {
    main: '{field}是旧的 10 位户号，本省已使用 13 位户号；请改为 {suggestion}（前面加 {prefix}）。',
  }),
  knownAccountRule({
    id: 'R-HH-04',
    title: '户号须在本地档案中存在，或标明来自外部系统',
    fields: ['accountNo', 'accountExternal'],
    source: 'issue 4（户号须为本地已有或外部户号）; REFERENCE §5.1.8',
    main: '本营业厅档案中没有{field} {accountNo}；如该户在营销系统中，请勾选“户号来自外部系统”，否则请核对户号。',
    // A change's account must be one the hall knows, unless the clerk marked it as the marketing system's.
    refuses: (app, exists) => needsAccount(app) && app.accountExternal !== true && exists === false,
  }),
  knownAccountRule({
    id: 'R-HH-05',
    title: '新装登记的户号（营销系统分配）不得是本营业厅已有的户号',
    fields: ['businessType', 'accountNo'],
    source: 'REFERENCE §5.1.8（户号由营销系统分配，本系统只登记）',
    main: '{field} {accountNo} 已用于本营业厅的其他申请：新装用户的户号是营销系统新分配的，请核对后重新录入。',
    refuses: (app, exists) => app.businessType !== undefined && !needsAccount(app) && exists === true,
  }),
];
