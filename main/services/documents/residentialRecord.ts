/**
 * A 居民 connection signs its contract at acceptance, before any survey and usually without a supply scheme
 * (REFERENCE.md §3.2, §7.3 C). Its contract is then printed from the application: the scheme the contract
 * reads is the data of record, proposed from the application (shared/domain/schemeProposal.ts) with what §6.2
 * fixes for low-voltage residential supply: the ownership boundary at the meter outlet (code 07, 电能表出线 20 cm),
 * the meter in the customer's meter box, of the accuracy DL/T 448 gives (shared/rules/metering).
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import type { SupplyScheme } from '../../../shared/domain/scheme';
import { proposeScheme } from '../../../shared/domain/schemeProposal';
import { meteringClassFor } from '../../../shared/rules/metering/meteringClass';

export const RESIDENTIAL_BOUNDARY = '电能表出线端 20 cm 处';
const METER_POSITION = '用电地址处的计量箱（表箱）';

export function residentialSchemeOfRecord(app: ApplicationInput, applicationNo: string, on: string): SupplyScheme {
  const proposal = proposeScheme(app, applicationNo, on);
  const singlePhase = proposal.phases === '1';
  const accuracy = meteringClassFor({ capacityKva: app.requestedCapacityKw ?? 0, singlePhase }).activeMeter;
  return {
    ...proposal,
    sources: proposal.sources.map((source) => ({ ...source, boundaryPoint: RESIDENTIAL_BOUNDARY })),
    metering: proposal.metering.map((point) => ({
      ...point,
      position: METER_POSITION,
      meterAccuracy: accuracy,
      meterSpec: singlePhase ? '单相智能电能表' : '三相四线智能电能表',
    })),
  };
}
