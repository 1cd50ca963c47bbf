/**
 * 窃电与违约用电 signals available at the counter (paper §2 采购与合同环节: 窃电; REFERENCE.md §8 ACCEPT 一址多户,
 * Change of use 暂停/减容 abuse). Addresses and ID numbers are compared in their stored, normalised form
 * (shared/domain/normalize.ts normalises them at every boundary).
 */
import { NEW_TYPES } from '../../../shared/rules/catalogue/facts';
import type { Db } from '../../db/connection';
import { prepared } from '../../db/statements';
import type { RecordDetector } from './detector';
import { OPEN_STATUSES } from './queries';

export const SECTION = '§2 采购与合同环节风险（窃电）';

/** The values of one column for some applications, as subject keys with a prefix. */
export function keysOf(
  db: Db,
  column: 'address' | 'id_number' | 'customer_id',
  prefix: string,
  ids: readonly number[],
) {
  return prepared<[string], { key: string | number }>(
    db,
    `SELECT DISTINCT ${column} AS key FROM applications WHERE id IN (SELECT value FROM json_each(?))`,
  )
    .all(JSON.stringify(ids))
    .map((row) => `${prefix}${row.key}`);
}

export const keyOf = (subject: string) => subject.slice(subject.indexOf(':') + 1);

/** Open applications of several customers at one address (一址多户). */
export const sameAddress: RecordDetector = {
  id: 'RISK-THF-01',
  name: '一址多户',
  explanation: '同一（规范化后的）用电地址上有多个不同客户的在办申请，可能是拆户规避容量或电价、冒名办电。',
  stage: 'THEFT',
  section: `${SECTION}；REFERENCE.md §8 R-DUP-01`,
  severity: 'medium',
  evidence: [{ label: '地址' }, { label: '客户数' }, { label: '在办申请数' }, { label: '客户' }],
  action: '现场核实该地址的实际用电主体与产权证明。',
  scope: 'records',
  subjectsOf: ({ db, thresholds }, ids) =>
    ids === 'all'
      ? prepared<[number], { address: string }>(
          db,
          `SELECT address FROM applications WHERE status IN ${OPEN_STATUSES}
           GROUP BY address HAVING count(DISTINCT customer_id) >= ?`,
        )
          .all(thresholds.sameAddressMin)
          .map((row) => `addr:${row.address}`)
      : keysOf(db, 'address', 'addr:', ids),
  evaluate: ({ db, thresholds }, subject) => {
    const rows = prepared<[string], { id: number; customer_id: number; customer_name: string }>(
      db,
      `SELECT id, customer_id, customer_name FROM applications WHERE address = ? AND status IN ${OPEN_STATUSES} ORDER BY id`,
    ).all(keyOf(subject));
    const customers = new Set(rows.map((r) => r.customer_id));
    if (customers.size < thresholds.sameAddressMin) return undefined;
    const names = [...new Set(rows.map((r) => r.customer_name))];
    return {
      subject,
      summary: `地址“${keyOf(subject)}”有 ${customers.size} 个客户的 ${rows.length} 件在办申请：${names.join('、')}`,
      applicationIds: rows.map((r) => r.id),
      values: { 地址: keyOf(subject), 客户数: customers.size, 在办申请数: rows.length, 客户: names.join('、') },
    };
  },
};

const NEW = JSON.stringify(NEW_TYPES);

/** One ID number with open new connections at several addresses. */
export const sameIdManySites: RecordDetector = {
  id: 'RISK-THF-02',
  name: '一证多址新装',
  explanation: '同一证件号在多个不同地址同时有在办新装申请，可能是借证办电或转供电。',
  stage: 'THEFT',
  section: SECTION,
  severity: 'low',
  evidence: [{ label: '地址数' }, { label: '地址' }],
  action: '核实各地址的产权与实际使用人，确认不是为他人代办。',
  scope: 'records',
  subjectsOf: ({ db, thresholds }, ids) =>
    ids === 'all'
      ? prepared<[string, number], { id_number: string }>(
          db,
          `SELECT id_number FROM applications WHERE status IN ${OPEN_STATUSES} AND business_type IN (SELECT value FROM json_each(?))
           GROUP BY id_number HAVING count(DISTINCT address) >= ?`,
        )
          .all(NEW, thresholds.sameAddressMin)
          .map((row) => `idno:${row.id_number}`)
      : keysOf(db, 'id_number', 'idno:', ids),
  evaluate: ({ db, thresholds }, subject) => {
    const rows = prepared<[string, string], { id: number; address: string }>(
      db,
      `SELECT id, address FROM applications WHERE id_number = ? AND status IN ${OPEN_STATUSES}
         AND business_type IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ).all(keyOf(subject), NEW);
    const addresses = [...new Set(rows.map((r) => r.address))];
    if (addresses.length < thresholds.sameAddressMin) return undefined;
    return {
      subject,
      summary: `同一证件在 ${addresses.length} 个地址有在办新装：${addresses.join('；')}`,
      applicationIds: rows.map((r) => r.id),
      values: { 地址数: addresses.length, 地址: addresses.join('；') },
    };
  },
};

const YEAR_MS = 365 * 86_400_000;

/** 暂停/减容 applications of one customer: the most within any 12 months. */
export const suspensionCycling: RecordDetector = {
  id: 'RISK-THF-03',
  name: '频繁暂停/减容',
  explanation: '同一客户 12 个月内多次申请暂停或减容（及其恢复），可能是为少交基本电费（容(需)量电费）而频繁停复。',
  stage: 'THEFT',
  section: `${SECTION}；REFERENCE.md §3.7、§8 Change of use`,
  severity: 'medium',
  evidence: [{ label: '客户' }, { label: '次数' }, { label: '起', kind: 'date' }, { label: '止', kind: 'date' }],
  action: '核查暂停期间计量数据与封存设备，确认暂停天数与基本电费计收正确。',
  scope: 'records',
  subjectsOf: ({ db, thresholds }, ids) =>
    ids === 'all'
      ? prepared<[number], { customer_id: number }>(
          db,
          `SELECT customer_id FROM applications WHERE business_type IN ('SUS', 'RED') AND status <> 'CANCELLED'
           GROUP BY customer_id HAVING count(*) >= ?`,
        )
          .all(thresholds.suspensionsPer12Months)
          .map((row) => `cust:${row.customer_id}`)
      : keysOf(db, 'customer_id', 'cust:', ids),
  evaluate: ({ db, thresholds }, subject) => {
    const rows = prepared<[number], { id: number; application_date: string; customer_name: string }>(
      db,
      `SELECT id, application_date, customer_name FROM applications
       WHERE customer_id = ? AND business_type IN ('SUS', 'RED') AND status <> 'CANCELLED' ORDER BY application_date, id`,
    ).all(Number(keyOf(subject)));
    // The densest 12-month window (two pointers over the dates in order).
    let best = { from: 0, to: -1 };
    for (let from = 0, to = 0; to < rows.length; to++) {
      while (Date.parse(rows[to]!.application_date) - Date.parse(rows[from]!.application_date) >= YEAR_MS) from++;
      if (to - from > best.to - best.from) best = { from, to };
    }
    const window = rows.slice(best.from, best.to + 1);
    if (window.length < thresholds.suspensionsPer12Months) return undefined;
    return {
      subject,
      summary: `${window[0]!.customer_name} 在 ${window[0]!.application_date} 至 ${window.at(-1)!.application_date} 间申请暂停/减容 ${window.length} 次（阈值 ${thresholds.suspensionsPer12Months}）`,
      applicationIds: window.map((r) => r.id),
      values: {
        客户: window[0]!.customer_name,
        次数: window.length,
        起: window[0]!.application_date,
        止: window.at(-1)!.application_date,
      },
    };
  },
};

/** A 销户 followed by a 新装 at the same address within M months (a new holder for the old debts or the old site). */
export const closeThenNew: RecordDetector = {
  id: 'RISK-THF-04',
  name: '销户后同址新装',
  explanation: '同一地址销户后数月内又办理新装（常为关联人），可能是逃避欠费或违约记录。',
  stage: 'THEFT',
  section: `${SECTION}；REFERENCE.md §8 过户/销户`,
  severity: 'medium',
  evidence: [{ label: '地址' }, { label: '次数' }],
  action: '核查原户欠费与违约记录，以及新旧客户的关系。',
  scope: 'records',
  subjectsOf: ({ db }, ids) =>
    ids === 'all'
      ? prepared<[], { address: string }>(
          db,
          `SELECT DISTINCT c.address FROM applications c WHERE c.business_type = 'CLOSE' AND c.status <> 'CANCELLED'`,
        )
          .all()
          .map((row) => `addr:${row.address}`)
      : keysOf(db, 'address', 'addr:', ids),
  evaluate: ({ db, thresholds }, subject) => {
    const rows = prepared<
      [string, string],
      { id: number; business_type: string; application_date: string; customer_name: string }
    >(
      db,
      `SELECT id, business_type, application_date, customer_name FROM applications
       WHERE address = ? AND status <> 'CANCELLED' AND (business_type = 'CLOSE' OR business_type IN (SELECT value FROM json_each(?)))
       ORDER BY application_date, id`,
    ).all(keyOf(subject), NEW);
    const pairs: [(typeof rows)[number], (typeof rows)[number]][] = [];
    for (const closing of rows.filter((r) => r.business_type === 'CLOSE')) {
      const limit = addMonths(closing.application_date, thresholds.closeThenNewMonths);
      const next = rows.find(
        (r) =>
          r.business_type !== 'CLOSE' && r.application_date >= closing.application_date && r.application_date <= limit,
      );
      if (next) pairs.push([closing, next]);
    }
    if (pairs.length === 0) return undefined;
    return {
      subject,
      summary: pairs
        .map(([c, n]) => `${c.application_date} ${c.customer_name} 销户，${n.application_date} ${n.customer_name} 新装`)
        .join('；'),
      applicationIds: [...new Set(pairs.flat().map((r) => r.id))],
      values: { 地址: keyOf(subject), 次数: pairs.length },
    };
  },
};

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
