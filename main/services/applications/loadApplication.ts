import { getApplicationByNumber, type ApplicationRow } from '../../db/repositories/applicationRepo';
import type { Db } from '../../db/connection';
import { AppError } from '../errors';

export function loadApplication(db: Db, number: string): ApplicationRow {
  const row = getApplicationByNumber(db, number);
  if (!row) throw new AppError('NOT_FOUND', `找不到申请编号为 ${number} 的申请：请核对编号。`);
  return row;
}
