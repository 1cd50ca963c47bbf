/**
 * Chinese labels of the coded values of an application, for forms, lists, documents and messages.
 * Document labels live with the document matrix (shared/rules/documents/labels.ts).
 */
import type {
  CAPACITY_CHARGE_BASES,
  ID_TYPES,
  IMPORTANCE_CODES,
  LOAD_GRADES,
  METERING_METHODS,
  POWER_FACTOR_STANDARDS,
  SUPPLY_NATURES,
  TARIFF_CATEGORIES,
  TARIFF_STRUCTURES,
  VoltageCode,
  WORKS_PARTY_CHOICES,
  WorksPartyRole,
} from './application';

type LabelsOf<T extends readonly string[]> = Record<T[number], string>;

/** SG master-data voltage codes (REFERENCE.md §5.1.12). */
export const VOLTAGE_LABELS: Record<VoltageCode, string> = {
  AC02202: '交流 220 V',
  AC03802: '交流 380 V',
  AC00061: '交流 6 kV',
  AC00101: '交流 10 kV',
  AC00201: '交流 20 kV',
  AC02751: '交流 27.5 kV',
  AC00351: '交流 35 kV',
  AC00661: '交流 66 kV',
  AC01101: '交流 110 kV',
  AC02201: '交流 220 kV',
  AC05001: '交流 500 kV',
  AC07501: '交流 750 kV',
};

export const ID_TYPE_LABELS: LabelsOf<typeof ID_TYPES> = {
  RIC: '居民身份证',
  HMT_RESIDENCE_PERMIT: '港澳台居民居住证',
  FOREIGN_PR: '外国人永久居留身份证',
  PASSPORT: '护照',
  USCC: '统一社会信用代码',
  ORG_OTHER: '其他组织证件',
};

export const TARIFF_CATEGORY_LABELS: LabelsOf<typeof TARIFF_CATEGORIES> = {
  RESIDENTIAL: '居民生活',
  AGRICULTURE: '农业生产',
  COMMERCIAL_INDUSTRIAL: '工商业',
  LARGE_INDUSTRY: '大工业',
  GENERAL_CI: '一般工商业',
};

export const TARIFF_STRUCTURE_LABELS: LabelsOf<typeof TARIFF_STRUCTURES> = { SINGLE: '单一制', TWO_PART: '两部制' };

export const CAPACITY_CHARGE_BASIS_LABELS: LabelsOf<typeof CAPACITY_CHARGE_BASES> = {
  CAPACITY: '按容量',
  CONTRACT_DEMAND: '按合约需量',
  ACTUAL_DEMAND: '按实际需量',
};

export const LOAD_GRADE_LABELS: LabelsOf<typeof LOAD_GRADES> = {
  FIRST_SPECIAL: '一级负荷中特别重要负荷',
  FIRST: '一级负荷',
  SECOND: '二级负荷',
  THIRD: '三级负荷',
};

export const IMPORTANCE_LABELS: LabelsOf<typeof IMPORTANCE_CODES> = {
  '01': '特级重要用户',
  '02': '一级重要用户',
  '03': '二级重要用户',
  '04': '临时性重要用户',
  '05': '非重要用户',
};

export const SUPPLY_NATURE_LABELS: LabelsOf<typeof SUPPLY_NATURES> = {
  MAIN: '主供电源',
  STANDBY: '备用电源',
  SECURITY: '保安电源',
};

export const METERING_METHOD_LABELS: LabelsOf<typeof METERING_METHODS> = {
  '1': '高供高计',
  '2': '高供低计',
  '3': '低供低计',
};

export const POWER_FACTOR_LABELS: LabelsOf<typeof POWER_FACTOR_STANDARDS> = {
  NONE: '不考核',
  '0.80': '0.80',
  '0.85': '0.85',
  '0.90': '0.90',
};

/** 三不指定: how a party of the customer's receiving works was chosen (R-GATE-05). */
export const WORKS_PARTY_CHOICE_LABELS: LabelsOf<typeof WORKS_PARTY_CHOICES> = {
  CUSTOMER_CHOICE: '客户自主选择',
  OTHER: '其他',
};

/** The parties of the customer's receiving works (三不指定). */
export const WORKS_PARTY_LABELS: Record<WorksPartyRole, string> = {
  designer: '设计单位',
  contractor: '施工单位',
  equipmentSupplier: '主要设备供应商',
};
