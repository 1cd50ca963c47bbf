/**
 * Formatting filters for placeholders (`{{scheme.voltageCode|voltage}}`): codes become their Chinese labels,
 * fen become yuan, ISO dates become 2026年11月29日. An unknown filter is a template bug and throws.
 */
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  ID_TYPE_LABELS,
  IMPORTANCE_LABELS,
  LOAD_GRADE_LABELS,
  METERING_METHOD_LABELS,
  POWER_FACTOR_LABELS,
  TARIFF_CATEGORY_LABELS,
  TARIFF_STRUCTURE_LABELS,
  VOLTAGE_LABELS,
} from '../../../shared/domain/labels';
import { contractCapacity, formatContractCapacity } from '../../../shared/domain/contractCapacity';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import {
  INCOMING_METHOD_LABELS,
  LINE_OWNERSHIP_LABELS,
  MAINTENANCE_LABELS,
  SOURCE_MODE_LABELS,
  SOURCE_NATURE_LABELS,
} from '../../../shared/domain/schemeLabels';

const labelFilter =
  (labels: Record<string, string>) =>
  (value: unknown): string =>
    labels[String(value)] ?? String(value);

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100).toLocaleString('en-US');
  return `${yuan}.${String(Math.abs(fen) % 100).padStart(2, '0')} 元`;
}

type Transformer = { ratingKva: number; count: number };

/** Nominal kV of a voltage code (AC00101 → 10, AC03802 → 0.38), from its label. */
function nominalKv(code: string): number {
  const match = /([\d.]+) (k?V)/.exec(VOLTAGE_LABELS[code as keyof typeof VOLTAGE_LABELS] ?? '');
  if (!match) throw new Error(`未知的供电电压代码 ${code}`);
  return Number(match[1]) / (match[2] === 'V' ? 1000 : 1);
}

/** The voltage-deviation limit that applies to this supply (1996 rules art 54; REFERENCE.md §7.3 A.4). */
function voltageQuality(scheme: Pick<SupplyScheme, 'voltageCode' | 'phases'>): string {
  const kv = nominalKv(scheme.voltageCode);
  if (kv >= 35) return `${kv} kV 供电电压正、负偏差绝对值之和不超过标称电压的 10%`;
  if (kv < 0.3 || scheme.phases === '1') return '220 V 单相供电电压偏差为标称电压的 +7%、-10%';
  const nominal = kv < 1 ? '380 V' : `${kv} kV`;
  return `${nominal} 三相供电电压偏差为标称电压的 ±7%`;
}

/** 功率因数调整电费: the standard, or that the customer is not subject to it. */
function powerFactorAdjustment(value: unknown): string {
  return value === 'NONE' ? '不执行功率因数调整电费' : `执行功率因数调整电费，功率因数考核标准为 ${String(value)}`;
}

function capacityText(scheme: unknown): string {
  const capacity = contractCapacity(scheme as SupplyScheme);
  if (!capacity) throw new Error('供电方案没有核定容量');
  return formatContractCapacity(capacity);
}

const FILTERS: Record<string, (value: unknown) => string> = {
  date: (v) => formatDate(String(v)),
  yuan: (v) => formatYuan(Number(v)),
  voltage: labelFilter(VOLTAGE_LABELS),
  tariff: labelFilter(TARIFF_CATEGORY_LABELS),
  structure: labelFilter(TARIFF_STRUCTURE_LABELS),
  basis: labelFilter(CAPACITY_CHARGE_BASIS_LABELS),
  pf: labelFilter(POWER_FACTOR_LABELS),
  loadGrade: labelFilter(LOAD_GRADE_LABELS),
  importance: labelFilter(IMPORTANCE_LABELS),
  metering: labelFilter(METERING_METHOD_LABELS),
  idType: labelFilter(ID_TYPE_LABELS),
  sourceNature: labelFilter(SOURCE_NATURE_LABELS),
  sourceMode: labelFilter(SOURCE_MODE_LABELS),
  incomingMethod: labelFilter(INCOMING_METHOD_LABELS),
  lineOwnership: labelFilter(LINE_OWNERSHIP_LABELS),
  maintenance: labelFilter(MAINTENANCE_LABELS),
  phases: labelFilter({ '1': '单相', '3': '三相' }),
  yesNo: (v) => (v ? '是' : '否'),
  // A sentence, not a form field ("执行分时电价：否"): scheme replies from 1.3.0.
  timeOfUse: (v) => (v ? '执行分时电价' : '不执行分时电价'),
  join: (v) => (Array.isArray(v) && v.length > 0 ? v.map(String).join('；') : '无'),
  transformers: (v) => (v as Transformer[]).map((t) => `${t.ratingKva} kVA × ${t.count} 台`).join('，') || '无',
  transformerTotal: (v) => String((v as Transformer[]).reduce((sum, t) => sum + t.ratingKva * t.count, 0)),
  count: (v) => String((v as unknown[]).length),
  contractCapacity: capacityText,
  voltageQuality: (v) => voltageQuality(v as SupplyScheme),
  pfAdjustment: powerFactorAdjustment,
};

export function applyFilter(name: string, value: unknown): string {
  const filter = FILTERS[name];
  if (!filter) throw new Error(`模板使用了未知的格式“${name}”`);
  return filter(value);
}
