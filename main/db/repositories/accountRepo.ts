/** What the hall's own records know of a 户号 (customer account number). */
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface AccountApplicationRow {
  number: string;
  status: string;
  record_json: string;
}

/** Applications on the account, newest first: completed ones describe the service as it stands. */
export function applicationsOnAccount(db: Db, accountNo: string, limit: number): AccountApplicationRow[] {
  return prepared<[string, number], AccountApplicationRow>(
    db,
    `SELECT number, status, record_json FROM applications WHERE account_no = ? ORDER BY id DESC LIMIT ?`,
  ).all(accountNo, limit);
}
