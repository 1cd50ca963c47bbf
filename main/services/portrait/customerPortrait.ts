/**
 * 客户画像 of one customer (issue 15, paper §3.3(1)): every application and account, the capacity history, tariff
 * and industry as last recorded, contract status, risk flags, the working days each application took, and the
 * suggestions that concern the customer.
 */
import {
  type CustomerAccount,
  type CustomerMatch,
  type CustomerPortrait,
  type PortraitApplication,
} from '../../../shared/api/portrait';
import { capacityHistory, capacityOf } from '../../../shared/stats/capacityHistory';
import {
  customerApplicationFacts,
  customerById,
  flagsOfApplications,
  latestContracts,
  searchCustomers,
  type ApplicationFactRow,
} from '../../db/repositories/portraitRepo';
import type { HandlerContext } from '../../ipc/context';
import { applicationStateOf } from '../applications/rowMapping';
import { clockOf, shanghaiDate, type Clock } from '../clock';
import { AppError } from '../errors';
import { toFlag } from '../risk/flags';
import { refreshStoredSuggestions } from './suggestionStore';
import { customerSuggestions, toFact } from './suggestionsInForce';

const MATCH_LIMIT = 20;

export function findCustomers(ctx: HandlerContext, query: string): CustomerMatch[] {
  return searchCustomers(ctx.db, query, MATCH_LIMIT).map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    idNumber: row.id_number,
    applications: row.applications,
    latestNumber: row.latest_number,
    latestAddress: row.latest_address,
  }));
}

/** Working days from acceptance to archiving (or to today while open), suspensions included in the count. */
function workdaysTaken(row: ApplicationFactRow, clock: Clock): number | null {
  if (row.status === 'CANCELLED') return null;
  const end = row.closed_at ? shanghaiDate(new Date(row.closed_at)) : clock.today;
  return clock.calendar.workdaysBetween(row.accept_date, end);
}

function accountsOf(rows: readonly ApplicationFactRow[]): CustomerAccount[] {
  const accounts = new Map<string, CustomerAccount>();
  for (const row of rows) {
    if (!row.account_no) continue;
    const known = accounts.get(row.account_no);
    accounts.set(row.account_no, {
      accountNo: row.account_no,
      address: row.address,
      applications: (known?.applications ?? 0) + 1,
      latestNumber: row.number,
    });
  }
  return [...accounts.values()];
}

export function customerPortrait(ctx: HandlerContext, customerId: number): CustomerPortrait {
  const customer = customerById(ctx.db, customerId);
  if (!customer) throw new AppError('NOT_FOUND', `找不到编号为 ${customerId} 的客户：请重新查询。`);
  const clock = clockOf(ctx);
  refreshStoredSuggestions(ctx.db, clock.at);
  const rows = customerApplicationFacts(ctx.db, customerId);
  const ids = rows.map((r) => r.id);
  const contracts = new Map(latestContracts(ctx.db, ids).map((c) => [c.application_id, c]));
  const facts = rows.map(toFact);
  const applications: PortraitApplication[] = rows.map((row, i) => {
    const contract = contracts.get(row.id);
    return {
      ...applicationStateOf(row),
      applicationDate: row.application_date,
      acceptDate: row.accept_date,
      closedAt: row.closed_at,
      address: row.address,
      accountNo: row.account_no,
      capacity: capacityOf(facts[i]!),
      workdays: workdaysTaken(row, clock),
      pausedWorkdays: row.total_paused_wd,
      contract: contract ? { number: contract.number, status: contract.status, signedOn: contract.signed_on } : null,
    };
  });
  const tariffRow = rows.findLast((r) => r.tariff_category !== null);
  return {
    customer: {
      id: customer.id,
      name: customer.name,
      kind: customer.kind,
      idType: customer.id_type,
      idNumber: customer.id_number,
      phone: customer.phone,
      legalRep: rows.findLast((r) => r.legal_rep_name !== null)?.legal_rep_name ?? null,
      since: customer.created_at,
    },
    tariff: {
      category: tariffRow?.tariff_category ?? '',
      structure: tariffRow?.tariff_structure ?? null,
      capacityChargeBasis: tariffRow?.capacity_charge_basis ?? null,
    },
    industryCode: rows.findLast((r) => r.industry_code !== null)?.industry_code ?? null,
    accounts: accountsOf(rows),
    applications: applications.reverse(),
    capacityHistory: capacityHistory(facts),
    riskFlags: flagsOfApplications(ctx.db, ids).map(toFlag),
    suggestions: customerSuggestions(ctx.db, customerId),
  };
}
