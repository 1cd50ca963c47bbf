/**
 * 供电方案即将到期 (REFERENCE.md §8 SCHEME "scheme expired but works continue", R-GATE-04): the approved schemes of
 * open applications whose customer works have not started, expiring within the profile's scheme.expiringSoonDays
 * or already expired (those cannot advance until a new scheme is approved). Expired first, then by expiry date.
 */
import type { SchemeExpiringItem, SchemesExpiringPage } from '../../../shared/api/workbench';
import { daysBetween } from '../../../shared/calendar/isoDate';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { BEFORE_WORKS_STAGES, schemeValidity } from '../../../shared/rules';
import type { Db } from '../../db/connection';
import { getApplicationsByIds } from '../../db/repositories/applicationRepo';
import { approvedSchemesInStages } from '../../db/repositories/schemeRepo';
import type { HandlerContext } from '../../ipc/context';
import { summaryOf } from '../applications/rowMapping';
import { clockOf } from '../clock';
import { configurationInForce } from '../settings/inForce';

const DEFAULT_LIMIT = 20;

/**
 * The approved schemes before works expiring within `days` of `today` or expired, soonest first (also RISK-SCH-05,
 * which may ask about some applications only).
 */
export function expiringSchemes(db: Db, today: string, days: number, applicationIds?: readonly number[]) {
  return approvedSchemesInStages(db, [...BEFORE_WORKS_STAGES], applicationIds)
    .map((row) => {
      const validity = schemeValidity(JSON.parse(row.content_json) as SupplyScheme, row.extended_until);
      return { row, validity, daysLeft: daysBetween(today, validity.validUntil) };
    })
    .filter((s) => s.daysLeft <= days)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.row.application_id - b.row.application_id);
}

export function schemesExpiring(ctx: HandlerContext, input: { limit?: number }): SchemesExpiringPage {
  const { today } = clockOf(ctx);
  const expiring = expiringSchemes(ctx.db, today, configurationInForce(ctx.db).profile.scheme.expiringSoonDays);
  const shown = expiring.slice(0, input.limit ?? DEFAULT_LIMIT);
  const rows = new Map(
    getApplicationsByIds(
      ctx.db,
      shown.map((s) => s.row.application_id),
    ).map((row) => [row.id, row]),
  );
  return {
    total: expiring.length,
    items: shown.map(({ row, validity, daysLeft }): SchemeExpiringItem => {
      const summary = summaryOf(rows.get(row.application_id)!, today);
      return {
        number: summary.number,
        customerName: summary.customerName,
        businessType: summary.businessType,
        stage: summary.stage,
        deadlineState: summary.deadlineState,
        version: row.version,
        validUntil: validity.validUntil,
        extended: validity.extendedUntil !== null,
        daysLeft,
      };
    }),
  };
}
