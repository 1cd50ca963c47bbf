/** Chinese labels of the supply-scheme codes (REFERENCE.md §6.2, SG master data), for the reply sheet and contracts. */
import type {
  INCOMING_METHOD_CODES,
  LINE_OWNERSHIP_CODES,
  MAINTENANCE_CODES,
  SOURCE_MODE_CODES,
  SOURCE_NATURE_CODES,
} from './scheme';

type LabelsOf<T extends readonly string[]> = Record<T[number], string>;

export const SOURCE_NATURE_LABELS: LabelsOf<typeof SOURCE_NATURE_CODES> = {
  '10': '主供电源',
  '11': '常用互为备用',
  '20': '备用电源',
  '21': '生产备用',
  '22': '检修备用',
  '30': '保安电源',
  '31': '保安电源（电网提供）',
  '32': '保安电源（客户自备）',
};

export const INCOMING_METHOD_LABELS: LabelsOf<typeof INCOMING_METHOD_CODES> = {
  '01': '架空',
  '02': '电缆直埋',
  '03': '电缆架空',
  '04': '电缆桥架',
  '05': '电缆隧道',
  '06': '电缆管井',
  '07': '电缆架空混合',
};

export const LINE_OWNERSHIP_LABELS: LabelsOf<typeof LINE_OWNERSHIP_CODES> = { '01': '公用线路', '02': '客户专线' };

export const MAINTENANCE_LABELS: LabelsOf<typeof MAINTENANCE_CODES> = {
  '01': '供电企业',
  '02': '客户自行',
  '03': '客户委托',
  '04': '无',
};

export const SOURCE_MODE_LABELS: LabelsOf<typeof SOURCE_MODE_CODES> = {
  '01': '冷备用',
  '02': '热备用',
  '03': '常用互为备用',
};
