import type { AccountLookup } from '../../shared/api/accounts';
import type { ApplicationInput } from '../../shared/domain/application';
import { applicationsOnAccount } from '../db/repositories/accountRepo';
import type { HandlerContext } from '../ipc/context';
import { AppError } from './errors';

const OPEN = new Set(['ACTIVE', 'SUSPENDED']);

/**
 * For a temporary supply: when it began (its first 临时用电 application on the account) and when it now ends (the
 * latest end date on record), so a 延期 starts from the facts R-CHG-19 checks.
 */
function temporaryDates(
  rows: readonly { record_json: string }[],
  latest: ApplicationInput,
): { temporaryStartDate?: string; temporaryEndDate?: string } {
  if (latest.businessType !== 'NEW_TEMP' && latest.businessType !== 'TEMP_EXTEND') return {};
  const records = rows.map((row) => JSON.parse(row.record_json) as ApplicationInput);
  const base = records.filter((r) => r.businessType === 'NEW_TEMP').at(-1);
  const start = base ? (base.desiredConnectionDate ?? base.applicationDate) : latest.existing?.temporaryStartDate;
  const end = latest.endDate ?? latest.existing?.temporaryEndDate;
  return { ...(start ? { temporaryStartDate: start } : {}), ...(end ? { temporaryEndDate: end } : {}) };
}

/**
 * The existing service of an account, from the hall's own records: the newest archived application on it
 * describes the service as built (its requested capacity is now the contracted one). Accounts the hall has
 * never handled are not found; the clerk then marks the 户号 as external and types the old values.
 */
export function lookupAccount(ctx: HandlerContext, accountNo: string): AccountLookup {
  const rows = applicationsOnAccount(ctx.db, accountNo, 50);
  const source = rows.find((row) => row.status === 'ARCHIVED') ?? rows[0];
  if (!source) {
    throw new AppError(
      'NOT_FOUND',
      `本营业厅没有户号 ${accountNo} 的记录：请核对户号，或打开“户号来自外部系统”后手工录入原用电信息。`,
    );
  }
  const record = JSON.parse(source.record_json) as ApplicationInput;
  const completed = source.status === 'ARCHIVED';
  const capacityKw = completed
    ? (record.requestedCapacityKw ?? record.existing?.capacityKw)
    : record.existing?.capacityKw;
  const capacityKva = completed
    ? (record.requestedCapacityKva ?? record.existing?.capacityKva)
    : record.existing?.capacityKva;
  const transformers = completed
    ? (record.transformers ?? record.existing?.transformers)
    : record.existing?.transformers;
  return {
    accountNo,
    sourceNumber: source.number,
    customer: record.customer,
    site: record.site,
    existing: {
      ...(capacityKw !== undefined ? { capacityKw } : {}),
      ...(capacityKva !== undefined ? { capacityKva } : {}),
      ...(transformers ? { transformers } : {}),
      voltageCode: record.voltageCode,
      tariffCategory: record.tariff.category,
      ...(record.tariff.structure ? { tariffStructure: record.tariff.structure } : {}),
      address: record.site.address,
      ...temporaryDates(rows, record),
    },
    openApplications: rows.filter((row) => OPEN.has(row.status)).map((row) => row.number),
  };
}
