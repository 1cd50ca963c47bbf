/**
 * 交叉营销 (the paper's §3.3(2)): suggestions and leads read from the hall's own applications, each with its
 * reason and the values and applications behind it, never a score. Pure, so headquarters can run it over the
 * merged store. docs/portrait.md states every rule and threshold.
 */
import type { DerivedSuggestion, SuggestionKind } from '../api/portrait';
import { addMonths } from '../calendar/isoDate';
import { BUSINESS_TYPE_INFO, type BusinessType } from '../domain/codes';
import { capacityHistory, type ApplicationFact, trailingIncreases } from './capacityHistory';

export interface SuggestionThresholds {
  /** 低压接入上限 from the province profile (R-VC-03): urban and rural, kW. */
  lvUrbanMaxKw: number;
  lvRuralMaxKw: number;
  /** An LV customer at or above this share of its limit is near it. */
  hvPlanningFraction: number;
  /** Capacity raised in each of the last N applications. */
  growthApplications: number;
  /** Residential new connections of this many customers at one address prefix … */
  compoundMinCustomers: number;
  /** … within this many months make a new compound. */
  compoundMonths: number;
  /** 临时用电 applications at one site, at least. */
  temporaryRepeats: number;
  /** 暂停 applications of a two-part customer within `suspensionMonths`, at least. */
  suspensionsForDemand: number;
  suspensionMonths: number;
  /** Open new/increase applications of one industry within `industryMonths`, from this many customers. */
  industryClusterMin: number;
  industryMonths: number;
  /** At most this many potential customers named per lead. */
  leadListMax: number;
}

/** The thresholds a province profile sets under `portrait` (营业厅自定); the LV limits come from `capacity`. */
export type SuggestionChoices = Omit<SuggestionThresholds, 'lvUrbanMaxKw' | 'lvRuralMaxKw'>;

/** The defaults of `portrait`: hall choices, not values any regulation names (docs/portrait.md). */
export const DEFAULT_SUGGESTION_THRESHOLDS: SuggestionChoices = {
  hvPlanningFraction: 0.8,
  growthApplications: 2,
  compoundMinCustomers: 5,
  compoundMonths: 12,
  temporaryRepeats: 2,
  suspensionsForDemand: 2,
  suspensionMonths: 12,
  industryClusterMin: 3,
  industryMonths: 12,
  leadListMax: 20,
};

export const SUGGESTION_ACTIONS: Record<SuggestionKind, string> = {
  HV_PLANNING: '与客户沟通用电发展计划，提前规划高压（10 kV）接入，预留线路与配变容量；下次增容按高压办理。',
  ENERGY_SERVICE: '推荐能效服务（能效诊断、节能改造）与需量管理，帮助客户控制容（需）量电费。',
  EV_PV: '新建小区：推荐居民充电桩报装与户用分布式光伏，并与物业或开发商对接小区充电设施规划。',
  PERMANENT_SUPPLY: '建议客户办理正式用电（新装），避免临时用电到期反复续办，并核对临时用电期限。',
  DEMAND_BILLING: '向客户说明按需量（合约需量或实际需量）计收基本电费的办法，测算是否比频繁暂停更省。',
  LEAD_LEGAL_REP: '经在办客户联系同一法定代表人的其他单位，了解其新装、增容或分支机构用电需求。',
  LEAD_ADDRESS: '走访同一园区或楼宇的其他单位，了解其增容、新装或能效服务需求。',
  LEAD_INDUSTRY: '同行业多家客户正在扩产：联系同行业其他客户，了解增容与能效服务需求。',
};

const OPEN = new Set(['ACTIVE', 'SUSPENDED']);
/** The residential new connections a new compound counts (EV_PV). */
export const LV_NEW_RESIDENTIAL = new Set<BusinessType>(['NEW_LVR', 'NEW_BATCH']);
/** 临时用电 (PERMANENT_SUPPLY). */
export const TEMPORARY = new Set<BusinessType>(['NEW_TEMP', 'TEMP_EXTEND']);
const GROWTH = new Set<BusinessType>(['NEW_LVN', 'NEW_HV', 'NEW_BATCH', 'INC_LVR', 'INC_LVN', 'INC_HV']);

/** Where the building, unit or room begins: 3幢, 2单元, 502室, 5号楼 … */
const BUILDING_PART = /\d+\s*(幢|栋|号楼|座|单元|室|层)/;

/** The address up to its building part (the compound, park or street number); the whole address if none. */
export function addressPrefix(address: string): string {
  const at = address.search(BUILDING_PART);
  return at > 0 ? address.slice(0, at) : address;
}

/**
 * Where each date window begins on `today` (exclusive): a 暂停 (DEMAND_BILLING), a residential new connection
 * (EV_PV) or an open new connection or increase (LEAD_INDUSTRY) dated on or before it no longer counts.
 */
export function windowStarts(t: SuggestionThresholds, today: string) {
  return {
    suspension: addMonths(today, -t.suspensionMonths),
    compound: addMonths(today, -t.compoundMonths),
    industry: addMonths(today, -t.industryMonths),
  };
}

const label = (type: BusinessType) => BUSINESS_TYPE_INFO[type].label;
const names = (facts: readonly ApplicationFact[]) => [...new Set(facts.map((f) => f.customerName))];
const customersOf = (facts: readonly ApplicationFact[]) => {
  const seen = new Map<number, string>();
  for (const f of facts) if (!seen.has(f.customerId)) seen.set(f.customerId, f.customerName);
  return [...seen].map(([id, name]) => ({ id, name }));
};
const numbers = (facts: readonly ApplicationFact[]) => facts.map((f) => f.number);
const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Items by a key; items whose key is missing or empty are left out. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K | null | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null || k === undefined || k === '') continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A customer's applications, oldest first, cancelled ones left out. */
export type SuggestionCustomer = { id: number; facts: ApplicationFact[]; latest: ApplicationFact };
type Customer = SuggestionCustomer;

/**
 * The customers of the facts with an application that is not cancelled, in the order of their first fact (of
 * all, cancelled ones too): the order of first application when the facts come in id order.
 */
export function suggestionCustomers(facts: readonly ApplicationFact[]): Customer[] {
  return [...groupBy(facts, (f) => f.customerId)]
    .map(([id, list]) => {
      const sorted = list
        .filter((f) => f.status !== 'CANCELLED')
        .sort((a, b) => a.applicationDate.localeCompare(b.applicationDate) || a.id - b.id);
      return { id, facts: sorted, latest: sorted.at(-1)! };
    })
    .filter((c) => c.facts.length > 0);
}

/** Types that lower the capacity in force: a customer coming down to the LV limit is not outgrowing it. */
const CAPACITY_CUTS = new Set<BusinessType>(['RED', 'SUS']);

function hvPlanning(c: Customer, t: SuggestionThresholds): DerivedSuggestion | undefined {
  if (c.facts.some((f) => f.customerClass === 'HV')) return undefined;
  const lv = c.facts.filter((f) => f.capacityKw !== null && f.capacityKva === null).at(-1);
  if (!lv || lv.capacityKw === null || CAPACITY_CUTS.has(lv.businessType)) return undefined;
  const rural = lv.areaType === 'RURAL' || lv.areaType === 'REMOTE';
  const limit = rural ? t.lvRuralMaxKw : t.lvUrbanMaxKw;
  const share = lv.capacityKw / limit;
  if (share < t.hvPlanningFraction) return undefined;
  return {
    kind: 'HV_PLANNING',
    subject: `customer:${c.id}`,
    customers: [{ id: c.id, name: lv.customerName }],
    reason: `低压客户“${lv.customerName}”的容量已达 ${lv.capacityKw} kW（申请 ${lv.number}），为低压接入上限 ${limit} kW（${rural ? '农村' : '城镇'}）的 ${percent(share)}，再增容须改为高压供电。`,
    action: SUGGESTION_ACTIONS.HV_PLANNING,
    applications: [lv.number],
    values: {
      '现有容量(kW)': lv.capacityKw,
      '低压上限(kW)': limit,
      占比: percent(share),
      阈值: percent(t.hvPlanningFraction),
    },
  };
}

function energyService(c: Customer, t: SuggestionThresholds): DerivedSuggestion | undefined {
  if (c.latest.customerKind !== 'ORG') return undefined;
  const points = capacityHistory(c.facts);
  const increases = trailingIncreases(points);
  if (increases < t.growthApplications) return undefined;
  const run = points.slice(-increases - 1);
  const path = `${run.map((p, i) => (i === 0 ? (p.before ?? p.after) : p.after)).join(' → ')} ${run.at(-1)!.unit}`;
  const first = run[0]!;
  const steps = first.before === null ? run.slice(1) : run;
  return {
    kind: 'ENERGY_SERVICE',
    subject: `customer:${c.id}`,
    customers: [{ id: c.id, name: c.latest.customerName }],
    reason: `企业“${c.latest.customerName}”最近 ${increases} 次申请每次都增加了容量（${path}），用电持续增长。`,
    action: SUGGESTION_ACTIONS.ENERGY_SERVICE,
    applications: steps.map((p) => p.number),
    values: { 连续增容次数: increases, 容量变化: path, 阈值: `${t.growthApplications} 次` },
  };
}

function demandBilling(c: Customer, t: SuggestionThresholds, today: string): DerivedSuggestion | undefined {
  const tariff = c.facts.findLast((f) => f.tariffStructure !== null);
  if (tariff?.tariffStructure !== 'TWO_PART') return undefined;
  if (tariff.capacityChargeBasis === 'CONTRACT_DEMAND' || tariff.capacityChargeBasis === 'ACTUAL_DEMAND') {
    return undefined;
  }
  const since = windowStarts(t, today).suspension;
  const pauses = c.facts.filter((f) => f.businessType === 'SUS' && f.applicationDate > since);
  if (pauses.length < t.suspensionsForDemand) return undefined;
  return {
    kind: 'DEMAND_BILLING',
    subject: `customer:${c.id}`,
    customers: [{ id: c.id, name: tariff.customerName }],
    reason: `两部制客户“${tariff.customerName}”按容量计收基本电费，${t.suspensionMonths} 个月内办理暂停 ${pauses.length} 次（${pauses.map((p) => p.applicationDate).join('、')}）。`,
    action: SUGGESTION_ACTIONS.DEMAND_BILLING,
    applications: numbers(pauses),
    values: {
      电价制度: '两部制',
      基本电费计费方式: tariff.capacityChargeBasis === 'CAPACITY' ? '按容量' : '未记录',
      [`${t.suspensionMonths}个月内暂停次数`]: pauses.length,
      阈值: `${t.suspensionsForDemand} 次`,
    },
  };
}

/** Whether an application counts towards a new compound at its address prefix (EV_PV). */
function inNewCompound(f: ApplicationFact, t: SuggestionThresholds, today: string): boolean {
  return (
    LV_NEW_RESIDENTIAL.has(f.businessType) &&
    f.customerClass === 'LVR' &&
    f.status !== 'CANCELLED' &&
    f.applicationDate > windowStarts(t, today).compound &&
    addressPrefix(f.address) !== f.address
  );
}

const isTemporary = (f: ApplicationFact) => TEMPORARY.has(f.businessType) && f.status !== 'CANCELLED';

export function newCompounds(
  facts: readonly ApplicationFact[],
  t: SuggestionThresholds,
  today: string,
): DerivedSuggestion[] {
  const recent = facts.filter((f) => inNewCompound(f, t, today));
  const found: DerivedSuggestion[] = [];
  for (const [prefix, list] of groupBy(recent, (f) => addressPrefix(f.address))) {
    const customers = customersOf(list);
    if (customers.length < t.compoundMinCustomers) continue;
    found.push({
      kind: 'EV_PV',
      subject: `prefix:${prefix}`,
      customers,
      reason: `“${prefix}”${t.compoundMonths} 个月内有 ${customers.length} 户居民办理新装（${list.length} 件），是新建小区。`,
      action: SUGGESTION_ACTIONS.EV_PV,
      applications: numbers(list),
      values: { 地址前缀: prefix, 新装户数: customers.length, 阈值: `${t.compoundMinCustomers} 户` },
    });
  }
  return found;
}

export function temporarySites(facts: readonly ApplicationFact[], t: SuggestionThresholds): DerivedSuggestion[] {
  const temporary = facts.filter(isTemporary);
  const found: DerivedSuggestion[] = [];
  for (const [address, list] of groupBy(temporary, (f) => f.address)) {
    if (list.length < t.temporaryRepeats) continue;
    const dates = list.map((f) => f.applicationDate).sort();
    found.push({
      kind: 'PERMANENT_SUPPLY',
      subject: `site:${address}`,
      customers: customersOf(list),
      reason: `“${address}”已办理临时用电 ${list.length} 次（${dates[0]} 至 ${dates.at(-1)}，客户：${names(list).join('、')}）。`,
      action: SUGGESTION_ACTIONS.PERMANENT_SUPPLY,
      applications: numbers(list),
      values: { 用电地址: address, 临时用电次数: list.length, 阈值: `${t.temporaryRepeats} 次` },
    });
  }
  return found;
}

/**
 * The suggestions for one customer's own applications: HV_PLANNING, ENERGY_SERVICE, DEMAND_BILLING. None for a
 * customer whose latest application is 销户: it has no service left to plan, grow or bill differently.
 */
export function ownSuggestions(c: Customer, t: SuggestionThresholds, today: string): DerivedSuggestion[] {
  if (c.latest.businessType === 'CLOSE') return [];
  return [hvPlanning(c, t), energyService(c, t), demandBilling(c, t, today)].filter(
    (s): s is DerivedSuggestion => s !== undefined,
  );
}

/**
 * What the lead rules read of one customer: the groups of its latest application (same legal representative for
 * a company, same address prefix when not residential, same industry; null when missing), its latest name, and
 * its open applications.
 */
export interface LeadMember {
  id: number;
  name: string;
  legalRepId: string | null;
  legalRepName: string | null;
  businessPrefix: string | null;
  industryCode: string | null;
  /** Any application open (ACTIVE or SUSPENDED): a customer with none is the one a lead points to. */
  open: boolean;
  /** Its open new connections and increases, oldest first. */
  openGrowth: Pick<ApplicationFact, 'number' | 'businessType' | 'applicationDate'>[];
}

export function leadMemberOf(c: Customer): LeadMember {
  const { latest } = c;
  return {
    id: c.id,
    name: latest.customerName,
    legalRepId: latest.customerKind === 'ORG' ? latest.legalRepId : null,
    legalRepName: latest.legalRepName,
    businessPrefix: latest.customerClass !== 'LVR' ? addressPrefix(latest.address) : null,
    industryCode: latest.industryCode,
    open: c.facts.some((f) => OPEN.has(f.status)),
    openGrowth: c.facts
      .filter((f) => OPEN.has(f.status) && GROWTH.has(f.businessType))
      .map(({ number, businessType, applicationDate }) => ({ number, businessType, applicationDate })),
  };
}

/**
 * One lead group: its members with an open new connection or increase (all, in customer order), and those with
 * nothing open (`idle`: the first ones in customer order, at least `leadIdleShown`; `idleCount` all of them).
 */
export interface LeadGroup {
  key: string;
  applicants: LeadMember[];
  idle: LeadMember[];
  idleCount: number;
}

export type LeadKind = 'LEAD_LEGAL_REP' | 'LEAD_ADDRESS' | 'LEAD_INDUSTRY';

/** How many idle members of a group a lead reads by name: all for a legal representative's, else the list's. */
export const leadIdleShown = (kind: LeadKind, t: SuggestionThresholds) =>
  kind === 'LEAD_LEGAL_REP' ? Infinity : Math.max(3, t.leadListMax);

function lead(
  kind: LeadKind,
  subject: string,
  group: LeadGroup,
  applicants: readonly LeadMember[],
  reason: string,
  values: Record<string, string | number>,
  t: SuggestionThresholds,
): DerivedSuggestion {
  const shown = group.idle.slice(0, t.leadListMax);
  return {
    kind,
    subject,
    customers: [...shown, ...applicants].map((c) => ({ id: c.id, name: c.name })),
    reason,
    action: SUGGESTION_ACTIONS[kind],
    applications: applicants.flatMap((c) => c.openGrowth.map((f) => f.number)),
    values: {
      ...values,
      潜在客户: `${shown.map((c) => c.name).join('、')}${group.idleCount > shown.length ? ` 等 ${group.idleCount} 家` : ''}`,
    },
  };
}

const describe = (c: LeadMember) => {
  const open = c.openGrowth[0]!;
  return `“${c.name}”正在办理${label(open.businessType)}（${open.number}）`;
};

const firstNames = (members: readonly LeadMember[], total: number) =>
  `${members
    .slice(0, 3)
    .map((c) => c.name)
    .join('、')}${total > 3 ? '等' : ''}`;

export function legalRepLead(g: LeadGroup, t: SuggestionThresholds): DerivedSuggestion | undefined {
  if (g.applicants.length === 0 || g.idleCount === 0) return undefined;
  const rep = g.applicants[0]!.legalRepName ?? '（未记录姓名）';
  return lead(
    'LEAD_LEGAL_REP',
    `rep:${g.key}`,
    g,
    g.applicants,
    `法定代表人 ${rep} 名下的${g.applicants.map(describe).join('；')}；同一法定代表人的 ${g.idle.map((c) => `“${c.name}”`).join('、')} 目前没有在办申请，可能有关联用电需求。`,
    { 法定代表人: rep, 在办客户数: g.applicants.length },
    t,
  );
}

export function addressLead(g: LeadGroup, t: SuggestionThresholds): DerivedSuggestion | undefined {
  if (g.applicants.length === 0 || g.idleCount === 0) return undefined;
  return lead(
    'LEAD_ADDRESS',
    `addr:${g.key}`,
    g,
    g.applicants,
    `“${g.key}”的${g.applicants.map(describe).join('；')}；同址的 ${g.idleCount} 家单位（${firstNames(g.idle, g.idleCount)}）目前没有在办申请。`,
    { 地址前缀: g.key, 在办客户数: g.applicants.length, 同址其他单位: g.idleCount },
    t,
  );
}

export function industryLead(g: LeadGroup, t: SuggestionThresholds, today: string): DerivedSuggestion | undefined {
  const since = windowStarts(t, today).industry;
  const applicants = g.applicants.filter((c) => c.openGrowth.some((f) => f.applicationDate > since));
  if (applicants.length < t.industryClusterMin || g.idleCount === 0) return undefined;
  return lead(
    'LEAD_INDUSTRY',
    `industry:${g.key}`,
    g,
    applicants,
    `行业 ${g.key}（国民经济行业分类）${t.industryMonths} 个月内有 ${applicants.length} 家客户在办新装或增容（${firstNames(applicants, applicants.length)}）；同行业另有 ${g.idleCount} 家客户没有在办申请。`,
    {
      行业代码: g.key,
      在办客户数: applicants.length,
      同行业其他客户: g.idleCount,
      阈值: `${t.industryClusterMin} 家`,
    },
    t,
  );
}

/** The members' groups by a key (members whose key is missing are in none). */
function leadGroups(members: readonly LeadMember[], key: (m: LeadMember) => string | null): LeadGroup[] {
  return [...groupBy(members, key)].map(([k, group]) => {
    const idle = group.filter((m) => !m.open);
    return { key: k, applicants: group.filter((m) => m.openGrowth.length > 0), idle, idleCount: idle.length };
  });
}

const defined = (s: DerivedSuggestion | undefined): s is DerivedSuggestion => s !== undefined;

/** Every suggestion and lead the applications support on `today` (Asia/Shanghai date). */
export function deriveSuggestions(
  facts: readonly ApplicationFact[],
  t: SuggestionThresholds,
  today: string,
): DerivedSuggestion[] {
  const customers = suggestionCustomers(facts);
  const members = customers.map(leadMemberOf);
  return [
    ...customers.flatMap((c) => ownSuggestions(c, t, today)),
    ...newCompounds(facts, t, today),
    ...temporarySites(facts, t),
    ...leadGroups(members, (m) => m.legalRepId)
      .map((g) => legalRepLead(g, t))
      .filter(defined),
    ...leadGroups(members, (m) => m.businessPrefix)
      .map((g) => addressLead(g, t))
      .filter(defined),
    ...leadGroups(members, (m) => m.industryCode)
      .map((g) => industryLead(g, t, today))
      .filter(defined),
  ];
}
