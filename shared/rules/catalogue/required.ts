/**
 * Fields without which no rule can judge the record, values of the wrong type (drafts, pasted JSON), and a
 * business type offered for the customer class.
 */
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS } from '../../domain/codes';
import type { AppDraft, DraftPerson } from '../engine/draft';
import type { Rule } from '../engine/types';
import { isBlank } from './facts';

const REQUIRED: readonly [string, (app: AppDraft) => unknown][] = [
  ['businessType', (a) => a.businessType],
  ['customerClass', (a) => a.customerClass],
  ['customer.kind', (a) => a.customer.kind],
  ['customer.name', (a) => (isBlank(a.customer.name) ? undefined : a.customer.name)],
  ['customer.idType', (a) => a.customer.idType],
  ['customer.idNumber', (a) => (isBlank(a.customer.idNumber) ? undefined : a.customer.idNumber)],
  ['customer.phone', (a) => (isBlank(a.customer.phone) ? undefined : a.customer.phone)],
  ['site.address', (a) => (isBlank(a.site.address) ? undefined : a.site.address)],
  ['voltageCode', (a) => a.voltageCode],
  ['tariff.category', (a) => a.tariff.category],
  ['applicationDate', (a) => (isBlank(a.applicationDate) ? undefined : a.applicationDate)],
];

/** The customer's representatives: who is given at all needs both a name and an ID number (the record's format). */
const REPRESENTATIVES: readonly [string, (app: AppDraft) => DraftPerson | undefined][] = [
  ['customer.legalRep', (a) => a.customer.legalRep],
  ['customer.agent', (a) => a.customer.agent],
];

const started = (person: DraftPerson | undefined): person is DraftPerson =>
  person !== undefined && !(isBlank(person.name) && isBlank(person.idNumber) && isBlank(person.phone));

export const requiredRules: Rule[] = [
  {
    id: 'R-REQ-01',
    title: '必填项须填写',
    severity: 'error',
    fields: REQUIRED.map(([field]) => field),
    source: 'shared/domain/application.ts（申请记录必填项）',
    basis: '业扩申请记录格式（docs/application-format.md）',
    messages: { main: '请填写{field}。' },
    check(app, env, report) {
      for (const [field, read] of REQUIRED) {
        if (env.focus !== undefined && env.focus !== field) continue;
        if (read(app) === undefined && app.invalidIn(field).length === 0) report(field);
      }
    },
  },
  {
    id: 'R-REQ-03',
    title: '法定代表人、经办人须姓名与证件号码齐全',
    severity: 'error',
    fields: REPRESENTATIVES.flatMap(([prefix]) => [`${prefix}.name`, `${prefix}.idNumber`, `${prefix}.phone`]),
    source: 'shared/domain/application.ts（法定代表人、经办人：姓名与证件号码）',
    basis: '业扩申请记录格式（docs/application-format.md）',
    messages: { main: '已填写{who}的部分信息，请同时填写{field}；不登记{who}时请清空其各项。' },
    check(app, _env, report) {
      for (const [prefix, read] of REPRESENTATIVES) {
        const person = read(app);
        if (!started(person)) continue;
        const who = prefix.endsWith('agent') ? '经办人' : '法定代表人';
        if (isBlank(person.name) && app.invalidIn(`${prefix}.name`).length === 0)
          report(`${prefix}.name`, 'main', { who });
        if (isBlank(person.idNumber) && app.invalidIn(`${prefix}.idNumber`).length === 0) {
          report(`${prefix}.idNumber`, 'main', { who });
        }
      }
    },
  },
  {
    id: 'R-REQ-02',
    title: '字段类型或代码取值须正确',
    severity: 'error',
    fields: ['*'],
    source: 'shared/domain/application.ts（字段类型与代码表）',
    basis: '业扩申请记录格式（docs/application-format.md）；国家电网营销业务主数据代码',
    messages: { main: '{field}的内容类型或代码不正确，请从列表中选择或重新填写。' },
    check(app, env, report) {
      for (const field of env.focus === undefined ? app.invalid : app.invalidIn(env.focus)) report(field);
    },
  },
  {
    id: 'R-BT-01',
    title: '业务类型须适用于该用户分类',
    severity: 'error',
    fields: ['businessType', 'customerClass'],
    source: 'REFERENCE §2.2（各业务类型适用的用户分类）',
    messages: { main: '“{type}”不适用于{cls}用户，请改选{field}或用户分类（可选：{classes}）。' },
    check(app, _env, report) {
      const { businessType: type, customerClass: cls } = app;
      if (!type || !cls) return;
      const info = BUSINESS_TYPE_INFO[type];
      if (!info.classes.includes(cls)) {
        report('businessType', 'main', {
          type: info.label,
          cls: CUSTOMER_CLASS_LABELS[cls],
          classes: info.classes.map((c) => CUSTOMER_CLASS_LABELS[c]).join('、'),
        });
      }
    },
  },
];
