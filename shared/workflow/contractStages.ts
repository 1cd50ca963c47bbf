/**
 * In which stages a new 供用电合同 may be drawn up (REFERENCE.md §3.2): in the 签订合同 stage where the flow has
 * one; in a low-voltage new connection, which signs at acceptance (居民) or with the scheme reply (非居民), from
 * that stage until the meter is connected. Never for a cancelled, suspended or archived application; a signed
 * contract's 副本 is a reprint, not a new contract, and stays possible in any state.
 */
import type { BusinessType, CustomerClass, Stage } from '../domain/codes';
import { stagePlan } from './stagePlans';

/** The stage a low-voltage new connection signs in, per class (§3.2: LVR at ACCEPT, LVN with the scheme). */
const SIGNING_STAGE: Partial<Record<CustomerClass, Stage>> = { LVR: 'ACCEPT', LVN: 'SCHEME' };

export function contractStages(type: BusinessType, cls: CustomerClass): readonly Stage[] {
  const plan = stagePlan(type, cls).map((step) => step.stage);
  if (plan.includes('CONTRACT')) return ['CONTRACT'];
  const from = SIGNING_STAGE[cls];
  const start = from ? plan.indexOf(from) : -1;
  const end = plan.indexOf('METER_CONNECT');
  // Only new-connection flows (acceptance or scheme before the meter) carry a contract without a CONTRACT stage.
  const isNewConnection = plan.includes('SCHEME') || plan.includes('GRID_WORKS');
  if (!isNewConnection || start < 0 || end < start) return [];
  return plan.slice(start, end + 1);
}
