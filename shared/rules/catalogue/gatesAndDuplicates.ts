/** Process gate before energising and duplicate detection (REFERENCE.md §5.3.7, §5.1.11, §8). */
import { WORKS_PARTY_ROLES } from '../../domain/application';
import { WORKS_PARTY_LABELS } from '../../domain/labels';
import type { Rule } from '../engine/types';
import { fromStage } from '../engine/stages';
import { isBlank, NEW_TYPES } from './facts';

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
    id: 'R-GATE-05',
    title: '受电工程的设计单位、施工单位、主要设备供应商须由客户自主选择（三不指定）',
    severity: 'warning',
    // Recorded at CUSTOMER_WORKS (or earlier, when the customer names them at the scheme); checked whenever present.
    // A company's share of the hall's works (concentration) is the risk view's, not a per-record rule.
    fields: ['customerWorks'],
    source: 'REFERENCE §5.3.7 R-GATE-05, §6.2 item 9, §8; SRC-SG-RULES [M]',
    basis: '《国家电网公司业扩报装管理规则》“三不指定”（不指定设计单位、施工单位和设备材料供应单位；条文待核）',
    messages: {
      main: '{party}“{name}”登记为非客户自主选择：供电企业不得指定设计、施工和设备供应单位（三不指定）。请核实由客户自主选择并更正，或确认并写明理由。',
      choice: '已登记{party}“{name}”，但未登记选择方式；请登记是否由客户自主选择。',
      name: '已登记{party}的选择方式，但未填写单位名称；请填写{field}。',
    },
    check(app, _env, report) {
      const works = app.customerWorks;
      for (const role of WORKS_PARTY_ROLES) {
        const party = works[role];
        if (!party) continue;
        const named = !isBlank(party.name);
        const params = { party: WORKS_PARTY_LABELS[role], name: party.name?.trim() ?? '' };
        if (!named) {
          if (party.choice !== undefined) report(`customerWorks.${role}.name`, 'name', params);
        } else if (party.choice === undefined) report(`customerWorks.${role}.choice`, 'choice', params);
        else if (party.choice !== 'CUSTOMER_CHOICE') report(`customerWorks.${role}.choice`, 'main', params);
      }
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
