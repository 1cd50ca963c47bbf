/** .xlsx of 客户画像: one customer's portrait, or (without a customer) the hall's suggestions and leads. */
import type { ExportedFile } from '../../../shared/api/batch';
import {
  capacityTable,
  flagTable,
  portraitApplicationsTable,
  rateTable,
  suggestionTable,
} from '../../../shared/stats/portraitTables';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { tablesXlsx } from '../stats/statsXlsx';
import { customerPortrait } from './customerPortrait';
import { listLeads } from './leads';

const ALL = 1_000_000;

export function portraitXlsx(ctx: HandlerContext, input: { customerId?: number }): Promise<ExportedFile> {
  const today = clockOf(ctx).today;
  if (input.customerId === undefined) {
    const leads = listLeads(ctx, { offset: 0, limit: ALL });
    return tablesXlsx([suggestionTable(leads.items, '建议与潜在客户'), rateTable(leads.rates)], '营销建议', today);
  }
  const p = customerPortrait(ctx, input.customerId);
  const tables = [
    portraitApplicationsTable(p),
    capacityTable(p),
    suggestionTable(p.suggestions),
    flagTable(p.riskFlags),
  ];
  return tablesXlsx(tables, `客户画像-${p.customer.name}`, today);
}
