/** Phones, postal code, region code and address (REFERENCE.md §5.1.5–§5.1.7, §5.1.11). */
import type { Rule } from '../engine/types';
import { memoize } from '../ids/memo';
import { checkLandline, checkMobile } from '../ids/phone';

const cachedMobile = memoize(checkMobile);
import { isPostalCode } from '../ids/postalCode';
import { isMainlandProvince } from '../ids/regions';
import type { AppDraft } from '../engine/draft';
import { isKnownDivision } from '../ids/divisions';
import { isBlank } from './facts';

const PHONE_FIELDS = ['customer.phone', 'customer.legalRep.phone', 'customer.agent.phone'];

function phones(app: AppDraft): [string, string][] {
  const out: [string, string][] = [];
  const { customer } = app;
  if (!isBlank(customer.phone)) out.push(['customer.phone', customer.phone]);
  if (!isBlank(customer.legalRep?.phone)) out.push(['customer.legalRep.phone', customer.legalRep.phone as string]);
  if (!isBlank(customer.agent?.phone)) out.push(['customer.agent.phone', customer.agent.phone as string]);
  return out;
}

function mobileRule(id: string, title: string, severity: Rule['severity'], messages: Rule['messages']): Rule {
  return {
    id,
    title,
    severity,
    fields: PHONE_FIELDS,
    source: 'REFERENCE §5.1.5; SRC-PHONE',
    messages,
    check(app, _env, report) {
      for (const [field, value] of phones(app)) {
        for (const problem of cachedMobile(value).problems) {
          if (problem.ruleId === id) report(field, problem.key, problem.params);
        }
      }
    },
  };
}

/**
 * House-number level: a number followed by 号/弄/栋/幢/座/室/单元/组/户, or a 号楼 (REFERENCE.md §5.1.11: the
 * address must identify the premises).
 */
const HOUSE_NUMBER = /[0-9０-９一二三四五六七八九十百千零〇]+\s*(?:号|弄|栋|幢|座|室|单元|组|户)/;

export const contactRules: Rule[] = [
  mobileRule('R-PH-01', '手机号码为 11 位、以 13–19 开头（可带 +86/0086 前缀）', 'error', {
    main: '{field}应为 11 位手机号码（以 13–19 开头，可带 +86），请核对后重新录入。',
    landline: '{field}应填手机号码；这像是固定电话，请填到“固定电话”栏。',
  }),
  mobileRule('R-PH-02', '手机号段须在已分配号段表中（新号段请核实）', 'warning', {
    main: '{field}的号段 {segment} 未收录在号段表中，请向客户核实号码后确认。',
  }),
  {
    id: 'R-TEL-01',
    title: '固定电话为区号加 7–8 位号码，不能是服务热线',
    severity: 'warning',
    fields: ['customer.landline'],
    source: 'REFERENCE §5.1.6 [M]',
    messages: {
      main: '{field}应为“区号-号码”形式（如 010-12345678，可带分机号），请核对。',
      service: '{field}是服务热线号码，不能作为客户联系电话，请填写客户自己的电话。',
    },
    check(app, _env, report) {
      const value = app.customer.landline;
      if (isBlank(value)) return;
      for (const problem of checkLandline(value).problems) report('customer.landline', problem.key);
    },
  },
  {
    id: 'R-PC-01',
    title: '邮政编码为 6 位数字',
    severity: 'error',
    fields: ['site.postalCode'],
    source: 'REFERENCE §5.1.11 [P]',
    messages: { main: '{field}应为 6 位数字，请核对后重新录入。' },
    check(app, _env, report) {
      if (!isBlank(app.site.postalCode) && !isPostalCode(app.site.postalCode)) report('site.postalCode');
    },
  },
  {
    id: 'R-AD-01',
    title: '用电地址行政区划代码为 6 位且省级代码有效',
    severity: 'error',
    fields: ['site.regionCode'],
    source: 'REFERENCE §5.1.7 R-AD-01; SRC-GB2260',
    messages: { main: '{field}应为 6 位数字且前两位为有效的省级代码，请从行政区划列表中选择。' },
    check(app, _env, report) {
      const code = app.site.regionCode;
      if (!isBlank(code) && !(/^\d{6}$/.test(code) && isMainlandProvince(code.slice(0, 2)))) report('site.regionCode');
    },
  },
  {
    id: 'R-AD-02',
    title: '用电地址行政区划代码须在现行 GB/T 2260 代码表中',
    severity: 'error',
    fields: ['site.regionCode'],
    source: 'REFERENCE §5.1.7 R-AD-02; SRC-GB2260',
    messages: {
      main: '{field}“{code}”不在现行行政区划代码表中，请从行政区划列表中选择；如为新设区县，请管理员在省级参数的服务范围（serviceTerritory）中加入该 6 位代码。',
    },
    check(app, env, report) {
      const code = app.site.regionCode;
      // R-AD-01 reports a code of the wrong shape or province; this one only a well-formed code the list lacks.
      if (isBlank(code) || !/^\d{6}$/.test(code) || !isMainlandProvince(code.slice(0, 2))) return;
      if (!isKnownDivision(code, env.profile.serviceTerritory)) report('site.regionCode', 'main', { code });
    },
  },
  {
    id: 'R-AD-03',
    title: '用电地址须在本营业厅服务范围内（跨营业区受理须确认）',
    severity: 'warning',
    fields: ['site.regionCode'],
    source: 'REFERENCE §5.1.7 R-AD-03',
    messages: { main: '用电地址的{field} {code} 不在本营业厅服务范围内，属跨营业区受理，请核实后确认。' },
    check(app, env, report) {
      const code = app.site.regionCode;
      const territory = env.profile.serviceTerritory;
      if (isBlank(code) || territory.length === 0) return;
      if (!territory.some((prefix) => code.startsWith(prefix))) report('site.regionCode', 'main', { code });
    },
  },
  {
    id: 'R-ADDR-01',
    title: '用电地址须具体到门牌号',
    severity: 'warning',
    fields: ['site.address'],
    source: 'REFERENCE §5.1.11 [P]',
    messages: { main: '{field}没有具体到门牌号（如“××路 12 号 3 单元 201 室”或“××村 3 组”），请补充完整。' },
    check(app, _env, report) {
      const address = app.site.address;
      if (!isBlank(address) && !HOUSE_NUMBER.test(address)) report('site.address');
    },
  },
];
