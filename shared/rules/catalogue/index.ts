/** The rule catalogue. */
import type { Rule } from '../engine/types';
import { accountRules } from './account';
import { accountChangeRules } from './accountChanges';
import { capacityChangeRules } from './capacityChanges';
import { contactRules } from './contact';
import { creditCodeRules } from './creditCode';
import { documentRules } from './documents';
import { gateAndDuplicateRules } from './gatesAndDuplicates';
import { identityRules } from './identity';
import { industryRules } from './industry';
import { meteringRules } from './metering';
import { nameRules } from './names';
import { numberRules } from './numbers';
import { requiredRules } from './required';
import { supplyRules } from './supply';
import { tariffRules } from './tariff';
import { voltageRules } from './voltage';

/** Rule groups with their Chinese headings, in the order docs/rules.md lists them and issues are reported. */
export const RULE_GROUPS: readonly { title: string; rules: readonly Rule[] }[] = [
  { title: '必填项、字段类型与业务类型', rules: requiredRules },
  { title: '个人证件号码（GB 11643 等）', rules: identityRules },
  { title: '统一社会信用代码（GB 32100）', rules: creditCodeRules },
  { title: '姓名与户名', rules: nameRules },
  { title: '联系电话、邮编、行政区划与地址', rules: contactRules },
  { title: '户号', rules: accountRules },
  { title: '容量、负荷与日期', rules: numberRules },
  { title: '供电电压与容量', rules: voltageRules },
  { title: '电价、功率因数与行业分类', rules: [...tariffRules, ...industryRules] },
  { title: '负荷等级、重要用户与供电电源', rules: supplyRules },
  { title: '计量', rules: meteringRules },
  { title: '增容、减容、暂停及恢复', rules: capacityChangeRules },
  { title: '其他变更用电', rules: accountChangeRules },
  { title: '资料与容缺', rules: documentRules },
  { title: '流程关口与重复受理', rules: gateAndDuplicateRules },
];

export const RULES: readonly Rule[] = RULE_GROUPS.flatMap((group) => group.rules);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
