/** Every risk detector, in the order the 风险 tab and docs/risk.md list them (stage by stage). */
import type { RiskDetectorInfo } from '../../../shared/api/risk';
import {
  acknowledgedWarnings,
  capacityOutlier,
  clerkReturnRate,
  identityCorrected,
  repeatedReturns,
} from './acceptDetectors';
import {
  capacityAboveContract,
  contractExpiring,
  printedNotSigned,
  signedOnSuperseded,
  signedReprints,
} from './contractDetectors';
import type { Detector } from './detector';
import {
  acceptedAndApprovedBySame,
  auditProblems,
  outsideWorkingHours,
  timestampsBackwards,
  timestampsInFuture,
} from './integrityDetectors';
import {
  approvedByDrafter,
  capacityDiffersWithoutReason,
  capacityOrSourceDropped,
  changedAfterApproval,
  schemeExpiring,
} from './schemeDetectors';
import { concentration, notCustomerChoice } from './procurementDetectors';
import { closeThenNew, sameAddress, sameIdManySites, suspensionCycling } from './theftDetectors';
import { deferredDocumentsDue, dueSoon, idle, overdue, pauseShare } from './timeDetectors';
import { residentialWithLicence, suspensionBillingAligned } from './usageDetectors';

export const DETECTORS: readonly Detector[] = [
  acknowledgedWarnings,
  repeatedReturns,
  identityCorrected,
  capacityOutlier,
  clerkReturnRate,
  changedAfterApproval,
  capacityOrSourceDropped,
  capacityDiffersWithoutReason,
  approvedByDrafter,
  schemeExpiring,
  concentration,
  notCustomerChoice,
  printedNotSigned,
  signedOnSuperseded,
  signedReprints,
  contractExpiring,
  capacityAboveContract,
  sameAddress,
  sameIdManySites,
  suspensionCycling,
  closeThenNew,
  residentialWithLicence,
  suspensionBillingAligned,
  overdue,
  dueSoon,
  idle,
  deferredDocumentsDue,
  pauseShare,
  timestampsBackwards,
  outsideWorkingHours,
  acceptedAndApprovedBySame,
  timestampsInFuture,
  auditProblems,
];

export const DETECTORS_BY_ID: ReadonlyMap<string, Detector> = new Map(DETECTORS.map((d) => [d.id, d]));

export function detectorInfo(detector: Detector): RiskDetectorInfo {
  const { id, name, explanation, stage, section, severity, action, evidence } = detector;
  return { id, name, explanation, stage, section, severity, action, evidence };
}
