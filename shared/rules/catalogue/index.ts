/** The rule catalogue, in the order docs/rules.md lists it and issues are reported. */
import type { Rule } from '../engine/types';
import { accountRules } from './account';
import { accountChangeRules } from './accountChanges';
import { capacityChangeRules } from './capacityChanges';
import { contactRules } from './contact';
import { creditCodeRules } from './creditCode';
import { documentRules } from './documents';
import { gateAndDuplicateRules } from './gatesAndDuplicates';
import { identityRules } from './identity';
import { meteringRules } from './metering';
import { nameRules } from './names';
import { numberRules } from './numbers';
import { requiredRules } from './required';
import { supplyRules } from './supply';
import { tariffRules } from './tariff';
import { voltageRules } from './voltage';

export const RULES: readonly Rule[] = [
  ...requiredRules,
  ...identityRules,
  ...creditCodeRules,
  ...nameRules,
  ...contactRules,
  ...accountRules,
  ...numberRules,
  ...voltageRules,
  ...tariffRules,
  ...supplyRules,
  ...meteringRules,
  ...capacityChangeRules,
  ...accountChangeRules,
  ...documentRules,
  ...gateAndDuplicateRules,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
