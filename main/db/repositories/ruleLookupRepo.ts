/** The database facts the rule catalogue asks for (shared/rules RuleLookups), read before evaluating. */
import type { Db } from '../connection';
import { prepared } from '../statements';

const OPEN = "('ACTIVE', 'SUSPENDED')";

/**
 * Numbers of open applications on an account, other than `excludeIds` (the application itself and those linked
 * to it: a 迁址 and the 销户 of its old site are open on the same account by design).
 */
export function openApplicationsOnAccount(db: Db, accountNo: string, excludeIds: readonly number[]): string[] {
  return prepared<[string, string], { number: string }>(
    db,
    `SELECT number FROM applications WHERE account_no = ? AND status IN ${OPEN}
       AND id NOT IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 20`,
  )
    .all(accountNo, JSON.stringify(excludeIds))
    .map((row) => row.number);
}

/** Open applications of the customer with this document, other than `excludeId`, with their addresses. */
export function openApplicationsOfCustomer(
  db: Db,
  idType: string,
  idNumber: string,
  excludeId: number,
): { number: string; address: string }[] {
  return prepared<[string, string, number], { number: string; address: string }>(
    db,
    `SELECT a.number, a.address FROM customers c JOIN applications a ON a.customer_id = c.id
     WHERE c.id_type = ? AND c.id_number = ? AND a.status IN ${OPEN} AND a.id <> ? ORDER BY a.id LIMIT 50`,
  ).all(idType, idNumber, excludeId);
}

/** Whether the hall's own records know the account (an application on it other than `excludeId`). */
export function accountKnown(db: Db, accountNo: string, excludeId: number): boolean {
  return (
    prepared<[string, number], { found: number }>(
      db,
      'SELECT EXISTS (SELECT 1 FROM applications WHERE account_no = ? AND id <> ?) AS found',
    ).get(accountNo, excludeId)?.found === 1
  );
}

/**
 * When the temporary supply on an account began, per the hall's own records: the first 临时用电 (NEW_TEMP)
 * application on it, from its desired connection date or else its application date (R-CHG-19's 3-year cap).
 */
export function temporarySupplyStart(db: Db, accountNo: string): string | undefined {
  const row = prepared<[string], { start: string | null }>(
    db,
    `SELECT coalesce(json_extract(record_json, '$.desiredConnectionDate'), application_date) AS start
       FROM applications WHERE account_no = ? AND business_type = 'NEW_TEMP' AND status <> 'CANCELLED'
       ORDER BY id LIMIT 1`,
  ).get(accountNo);
  return row?.start ?? undefined;
}
