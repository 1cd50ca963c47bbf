/**
 * 申请编号 and 合同编号 (REFERENCE.md §5.1.9 [P]): `<hall code>-<YYYYMMDD>-<4-digit daily sequence>` and
 * `<hall code>-HT-<YYYYMMDD>-<4-digit daily sequence>`, date in Asia/Shanghai. The sequence is taken inside the
 * creating transaction and never handed out again, even when the record is later cancelled. Past 9999 in a day
 * the sequence simply grows a digit rather than failing.
 */
import type { Db } from '../db/connection';
import { nextDailySeq } from '../db/repositories/numberCounterRepo';

const compactDate = (isoDate: string) => isoDate.replaceAll('-', '');
const sequence = (n: number) => String(n).padStart(4, '0');

export function allocateApplicationNumber(db: Db, hallCode: string, today: string): string {
  return `${hallCode}-${compactDate(today)}-${sequence(nextDailySeq(db, 'APP', today))}`;
}

export function allocateContractNumber(db: Db, hallCode: string, today: string): string {
  return `${hallCode}-HT-${compactDate(today)}-${sequence(nextDailySeq(db, 'CONTRACT', today))}`;
}
