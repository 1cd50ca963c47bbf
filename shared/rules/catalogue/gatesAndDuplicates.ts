/** Process gate before energising and duplicate detection (REFERENCE.md §5.3.7, §5.1.11, §8). */
import type { Rule } from '../engine/types';
import { fromStage } from '../engine/stages';
import { NEW_TYPES } from './facts';

export const gateAndDuplicateRules: Rule[] = [
  {
    id: 'R-GATE-01',
    title: '高压装表接电前须竣工检验合格（合同与到期资料由 R-DOC 规则把关）',
    severity: 'error',
    stages: fromStage('METER_CONNECT'),
    businessTypes: ['NEW_HV', 'INC_HV', 'NEW_BATCH', 'NEW_TEMP', 'VOLT_CHANGE'],
    customerClasses: ['HV'],
    fields: ['completionCheckPassed'],
    source: 'REFERENCE §5.3.7 R-GATE-01; SRC-TL art 24 [V]',
    messages: { main: '高压受电工程须竣工检验合格后才能装表接电，请先完成竣工检验并登记{field}。' },
    check(app, _env, report) {
      if (app.completionCheckPassed !== true) report('completionCheckPassed');
    },
  },
  {
    id: 'R-DUP-01',
    title: '新装地址已有在用户号（一址多户或应办增容），须确认',
    severity: 'warning',
    businessTypes: NEW_TYPES,
    fields: ['site.address'],
    source: 'REFERENCE §5.1.11 R-DUP-01, §8; SRC-SG186-DDL',
    messages: { main: '同一{field}已有在用户号 {accounts}；请核实是否一址多户或应办理增容，确认并写明理由后继续。' },
    check(app, env, report) {
      const accounts = env.lookups.activeAccountsAtAddress;
      if (accounts && accounts.length > 0)
        report('site.address', 'main', { accounts: accounts.slice(0, 5).join('、') });
    },
  },
  {
    id: 'R-DUP-02',
    title: '同一证件号码、同一地址已有在途申请（重复受理），须确认',
    severity: 'warning',
    fields: ['customer.idNumber', 'site.address'],
    source: 'issue 4（重复受理）; REFERENCE §8',
    messages: { main: '该客户在同一{field}已有未办结的申请 {others}，可能重复受理；请核实后确认并写明理由。' },
    check(app, env, report) {
      const others = env.lookups.duplicateOpenApplications;
      if (others && others.length > 0) report('site.address', 'main', { others: others.slice(0, 5).join('、') });
    },
  },
];
