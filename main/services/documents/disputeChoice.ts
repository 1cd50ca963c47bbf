/**
 * 争议解决 of a contract (REFERENCE.md §7.3 A.15): chosen by the province profile in force when the contract is
 * generated (`contracts.disputeResolution`), then frozen in the contract's contracts.generate audit entry, so the
 * contract regenerates, and its 副本 reprints, with the choice it was signed under even after another profile is
 * loaded. Contracts generated before the choice was a profile key all printed the default, the court of the
 * place of performance.
 */
import type { DisputeResolution } from '../../../shared/rules/profile/profile';
import type { Db } from '../../db/connection';
import { auditOfEntity } from '../../db/repositories/auditRepo';
import { contractByNumber } from '../../db/repositories/documentRepo';
import { configurationInForce } from '../settings/inForce';

/** The audit diff key the choice is frozen under. */
export const DISPUTE_AUDIT_KEY = 'disputeResolution';

/** The audit value of a choice: `COURT` or `ARBITRATION:<commission>`. */
export const disputeAuditValue = (choice: DisputeResolution) =>
  choice.method === 'ARBITRATION' ? `ARBITRATION:${choice.arbitrationCommission}` : 'COURT';

function parseAuditValue(value: unknown): DisputeResolution {
  if (typeof value === 'string' && value.startsWith('ARBITRATION:')) {
    return { method: 'ARBITRATION', arbitrationCommission: value.slice('ARBITRATION:'.length) };
  }
  return { method: 'COURT' };
}

/** The choice a contract prints: its frozen one, or for a number not yet generated the profile's in force. */
export function disputeChoiceOf(db: Db, contractNumber: string): DisputeResolution {
  if (!contractByNumber(db, contractNumber)) return configurationInForce(db).profile.contracts.disputeResolution;
  const generated = auditOfEntity(db, 'contract', contractNumber).find((row) => row.action === 'contracts.generate');
  const diff = generated ? (JSON.parse(generated.diff_json) as Record<string, { after?: unknown }>) : {};
  return parseAuditValue(diff[DISPUTE_AUDIT_KEY]?.after);
}
