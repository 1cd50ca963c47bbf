/**
 * The terms a new contract is printed with, from the province profile (REFERENCE.md §7.4, rules-defaults.json
 * `contracts`): term by customer class (a temporary supply: its temporary period), late-payment penalty (residential 1‰, others 2‰ a day
 * for the current year and 3‰ for earlier years), dispute resolution (the choice of the province profile in force
 * when the contract was generated, passed in), signed at the hall. The same contract row always gets the same terms, so a regenerated contract is byte-identical.
 */
import type { ApplicationInput } from '../../../shared/domain/application';
import type { BusinessType } from '../../../shared/domain/codes';
import type { DisputeResolution } from '../../../shared/rules/profile/profile';
import defaults from '../../../shared/rules/profile/defaults.json';
import type { ContractTerms } from '../../pdf/documentRecord';

const PER_MILLE = 1000;

/** The day before the same date `years` later: a 3-year term from 2026-11-25 ends on 2029-11-24. */
export function termEnd(startDate: string, years: number): string {
  const date = new Date(`${startDate}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const TEMPORARY: ReadonlySet<BusinessType> = new Set(['NEW_TEMP', 'TEMP_EXTEND']);

/** What of the application the terms depend on. */
type TermsOf = Pick<ApplicationInput, 'customerClass' | 'businessType' | 'endDate'>;

/** What the terms take from the contract row and the hall beyond the application. */
export interface TermsContext {
  /** The recorded signing date of a signed contract. */
  signedOn?: string | null | undefined;
  /** The hall's contract copies (documents settings); 2 when not set. */
  copies?: number | undefined;
  /** 争议解决 as frozen for this contract (disputeChoice.ts); the court of the place of performance when not given. */
  dispute?: DisputeResolution | undefined;
}

const COURT: DisputeResolution = { method: 'COURT' };

export const DEFAULT_CONTRACT_COPIES = 2;

export function defaultContractTerms(
  app: TermsOf,
  startDate: string,
  hallName: string,
  context: TermsContext = {},
): ContractTerms {
  const { customerClass } = app;
  const late = defaults.contracts.latePaymentPerDay;
  const years = defaults.contracts.termYears[customerClass].value;
  const residential = customerClass === 'LVR';
  const dispute = context.dispute ?? COURT;
  // A temporary supply's contract runs for the temporary period (§7.4); a missing end date is refused by the
  // template, naming the field, rather than printed as a blank.
  const term = TEMPORARY.has(app.businessType)
    ? { temporary: true, ...(app.endDate ? { endDate: app.endDate } : {}) }
    : years
      ? { termYears: years, endDate: termEnd(startDate, years) }
      : {};
  return {
    startDate,
    ...term,
    paymentMethod: residential ? '智能交费（预付费）' : '银行转账或代扣',
    paymentDueDay: 20,
    latePaymentPerMille: (residential ? late.residential.value : late.otherCurrentYear.value) * PER_MILLE,
    ...(residential ? {} : { latePaymentEarlierYearsPerMille: late.otherPriorYears.value * PER_MILLE }),
    arrearsNoticeDays: defaults.contracts.arrearsDisconnectionNoticeDays.value,
    // Printed by the templates before contract-hv 1.4.0 (regenerated contracts keep their bytes).
    disputeBody: '用电地址所在地人民法院',
    ...(dispute.method === 'ARBITRATION'
      ? { disputeResolution: 'ARBITRATION' as const, arbitrationCommission: dispute.arbitrationCommission }
      : { disputeResolution: 'COURT' as const }),
    signingPlace: hallName,
    originals: customerClass === 'HV' ? 4 : 2,
    copies: context.copies ?? DEFAULT_CONTRACT_COPIES,
    ...(context.signedOn
      ? {
          signedOn: context.signedOn,
          ...(years && !TEMPORARY.has(app.businessType) ? { signedEndDate: termEnd(context.signedOn, years) } : {}),
        }
      : {}),
  };
}
