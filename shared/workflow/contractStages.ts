/**
 * In which stages the paper of a flow (shared/workflow/contractPaper.ts) may be drawn up (REFERENCE.md §3.2): in
 * the 签订合同 stage where the flow has one; in a low-voltage new connection, which signs at acceptance (居民) or
 * with the scheme reply (非居民), from that stage until the meter is connected; in a change flow without a
 * 签订合同 stage (restorations, 暂换, 移表), in its last stage before archiving, where billing changes. Never for a
 * cancelled, suspended or archived application; a signed paper's 副本 is a reprint, not a new paper, and stays
 * possible in any state.
 */
import type { BusinessType, CustomerClass, Stage } from '../domain/codes';
import { papersFor } from './contractPaper';
import { stagePlan } from './stagePlans';

/** The stage a low-voltage new connection signs in, per class (§3.2: LVR at ACCEPT, LVN with the scheme). */
const SIGNING_STAGE: Partial<Record<CustomerClass, Stage>> = { LVR: 'ACCEPT', LVN: 'SCHEME' };

export function contractStages(type: BusinessType, cls: CustomerClass): readonly Stage[] {
  if (papersFor(type).length === 0) return [];
  const plan = stagePlan(type, cls).map((step) => step.stage);
  if (plan.includes('CONTRACT')) return ['CONTRACT'];
  const end = plan.indexOf('METER_CONNECT');
  // New-connection flows (acceptance or scheme before the meter) sign from their signing stage to the meter.
  if (plan.includes('SCHEME') || plan.includes('GRID_WORKS')) {
    const from = SIGNING_STAGE[cls];
    const start = from ? plan.indexOf(from) : -1;
    return start < 0 || end < start ? [] : plan.slice(start, end + 1);
  }
  const last = plan[plan.indexOf('ARCHIVE') - 1];
  return last ? [last] : [];
}
