/**
 * 违约用电 signals in how a customer uses a supply (REFERENCE.md §8 Change of use): a residential tariff where a
 * business is registered, and 暂停 timed to the billing months to dodge the basic charge (容(需)量电费).
 */
import { addMonths, daysBetween } from '../../../shared/calendar/isoDate';
import { prepared } from '../../db/statements';
import type { RecordDetector } from './detector';
import { keyOf, keysOf, SECTION } from './theftDetectors';

/** A residential tariff at an address where a business (统一社会信用代码, i.e. 营业执照) has applied. */
export const residentialWithLicence: RecordDetector = {
  id: 'RISK-THF-05',
  name: '居民电价地址有经营主体',
  explanation:
    '同一用电地址上既有执行居民电价的申请，又有以营业执照（统一社会信用代码）办理的申请，可能是住宅改作经营仍按居民电价计费（擅自改变用电类别）。',
  stage: 'THEFT',
  section: `${SECTION}；REFERENCE.md §8 Change of use（擅自改变用电类别）`,
  severity: 'medium',
  evidence: [{ label: '地址' }, { label: '居民电价户' }, { label: '经营主体' }],
  action: '现场核实该地址的实际用途；如已用于经营，办理改类并按规定追补电费。',
  scope: 'records',
  subjectsOf: ({ db }, ids) =>
    ids === 'all'
      ? prepared<[], { address: string }>(
          db,
          `SELECT address FROM applications WHERE status <> 'CANCELLED' GROUP BY address
           HAVING max(json_extract(record_json, '$.tariff.category') = 'RESIDENTIAL')
             AND max(json_extract(record_json, '$.customer.idType') = 'USCC')`,
        )
          .all()
          .map((row) => `addr:${row.address}`)
      : keysOf(db, 'address', 'addr:', ids),
  evaluate: ({ db }, subject) => {
    const rows = prepared<[string], { id: number; customer_name: string; residential: number; licence: number }>(
      db,
      `SELECT id, customer_name, json_extract(record_json, '$.tariff.category') = 'RESIDENTIAL' AS residential,
         json_extract(record_json, '$.customer.idType') = 'USCC' AS licence
       FROM applications WHERE address = ? AND status <> 'CANCELLED' ORDER BY id`,
    ).all(keyOf(subject));
    const residential = rows.filter((r) => r.residential);
    const licensed = rows.filter((r) => r.licence);
    if (residential.length === 0 || licensed.length === 0) return undefined;
    const names = (list: typeof rows) => [...new Set(list.map((r) => r.customer_name))].join('、');
    return {
      subject,
      summary: `地址“${keyOf(subject)}”有居民电价申请（${names(residential)}），又有营业执照办理的申请（${names(licensed)}）`,
      applicationIds: [...new Set([...residential, ...licensed].map((r) => r.id))].sort((a, b) => a - b),
      values: { 地址: keyOf(subject), 居民电价户: names(residential), 经营主体: names(licensed) },
    };
  },
};

/** Days from `date` to the nearest reading day (`day` of its month or of the month before or after). */
function daysFromReadingDay(date: string, day: number): number {
  const month = `${date.slice(0, 7)}-${String(day).padStart(2, '0')}`;
  return Math.min(...[-1, 0, 1].map((m) => Math.abs(daysBetween(addMonths(month, m), date))));
}

/** A suspension of at least a billing month. */
const MIN_SUSPENSION_DAYS = 28;

/**
 * 暂停 that start and end within N days of the meter-reading day: the suspension covers whole billing months
 * exactly (no basic charge for them) while the transformer runs the rest of the time. The end is the customer's
 * next 暂停恢复 when there is one, else the planned end of the suspension.
 */
export const suspensionBillingAligned: RecordDetector = {
  id: 'RISK-THF-06',
  name: '暂停恰好覆盖抄表周期',
  explanation:
    '暂停的起止日都紧贴抄表例日，暂停期恰好覆盖整数个电费月份，可能是按抄表周期安排停复以少交基本电费（容(需)量电费）。',
  stage: 'THEFT',
  section: `${SECTION}；REFERENCE.md §3.7、§8 Change of use`,
  severity: 'medium',
  evidence: [{ label: '客户' }, { label: '次数' }, { label: '暂停期' }],
  action: '核对暂停期间的计量数据与封存记录，确认基本电费按实际暂停天数计收。',
  scope: 'records',
  subjectsOf: ({ db }, ids) =>
    ids === 'all'
      ? prepared<[], { customer_id: number }>(
          db,
          "SELECT DISTINCT customer_id FROM applications WHERE business_type = 'SUS' AND status <> 'CANCELLED'",
        )
          .all()
          .map((row) => `cust:${row.customer_id}`)
      : keysOf(db, 'customer_id', 'cust:', ids),
  evaluate: ({ db, thresholds }, subject) => {
    const rows = prepared<
      [number],
      { id: number; business_type: string; customer_name: string; start: string | null; end: string | null }
    >(
      db,
      `SELECT id, business_type, customer_name, json_extract(record_json, '$.effectiveDate') AS start,
         json_extract(record_json, '$.endDate') AS end
       FROM applications WHERE customer_id = ? AND business_type IN ('SUS', 'SUS_RESTORE') AND status <> 'CANCELLED'
       ORDER BY start, id`,
    ).all(Number(keyOf(subject)));
    const { meterReadingDay: day, suspensionNearReadingDays: near } = thresholds;
    const aligned = rows.flatMap((sus) => {
      if (sus.business_type !== 'SUS' || !sus.start) return [];
      const restore = rows.find((r) => r.business_type === 'SUS_RESTORE' && r.start && r.start > sus.start!);
      const end = restore?.start ?? sus.end;
      if (!end || daysBetween(sus.start, end) < MIN_SUSPENSION_DAYS) return [];
      if (daysFromReadingDay(sus.start, day) > near || daysFromReadingDay(end, day) > near) return [];
      return [{ sus, restore, end }];
    });
    if (aligned.length === 0) return undefined;
    return {
      subject,
      summary: `${aligned[0]!.sus.customer_name} 暂停 ${aligned.map((a) => `${a.sus.start} 至 ${a.end}`).join('、')}，起止日均在抄表例日（每月 ${day} 日）前后 ${near} 天内`,
      applicationIds: aligned.flatMap((a) => [a.sus.id, ...(a.restore ? [a.restore.id] : [])]),
      values: {
        客户: aligned[0]!.sus.customer_name,
        次数: aligned.length,
        暂停期: aligned.map((a) => `${a.sus.start}~${a.end}`).join('、'),
      },
    };
  },
};
