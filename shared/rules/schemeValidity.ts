/**
 * 供电方案有效期 (REFERENCE.md §3.3, §5.3.7 R-GATE-04; 1996 供电营业规则 art 21 [S]): a scheme is valid from its
 * written reply for its validity (HV 1 year, LV 3 months, province settings); one that expires before the
 * customer's works start is void. An extension must be asked for at least 10 days before expiry and may not
 * add more than the original validity. Pure: the scheme service, the stage move and the 工作台 share it.
 */
import type { FieldProblem } from '../api/result';
import { addMonths, daysBetween } from '../calendar/isoDate';
import type { Stage } from '../domain/codes';
import { citationOf } from './engine/citation';
import type { RuleProfile } from './profile/profile';

const RULE_ID = 'R-GATE-04';
export const SCHEME_VALIDITY_SOURCE = 'REFERENCE §5.3.7 R-GATE-04, §3.3; SRC-GDYY1996 art 21 [S]';
const BASIS = citationOf(SCHEME_VALIDITY_SOURCE);

export interface SchemeValidity {
  /** Last valid day from the reply: replyDate + validityMonths (the period starts the next day, 民法典 art 201). */
  originalUntil: string;
  /** Last valid day after the one extension; null when not extended. */
  extendedUntil: string | null;
  /** The last valid day in force. */
  validUntil: string;
}

export function schemeValidity(
  content: { replyDate: string; validityMonths: number },
  extendedUntil: string | null,
): SchemeValidity {
  const originalUntil = addMonths(content.replyDate, content.validityMonths);
  return { originalUntil, extendedUntil, validUntil: extendedUntil ?? originalUntil };
}

/** A scheme may not promise a longer validity than the province allows its class (refused on save). */
export function validityMonthsProblem(validityMonths: number, hv: boolean, profile: RuleProfile): FieldProblem | null {
  const allowed = hv ? profile.scheme.validityMonthsHv : profile.scheme.validityMonthsLv;
  if (validityMonths <= allowed) return null;
  return problem(
    'validityMonths',
    `方案有效期：${hv ? '高压' : '低压'}供电方案有效期为 ${allowed} 个月（省级参数），不能填写 ${validityMonths} 个月，请改为 ${allowed} 个月或更短。`,
  );
}

/** After the scheme and before the customer's works start: where an expired scheme stops the application. */
export const BEFORE_WORKS_STAGES: ReadonlySet<Stage> = new Set<Stage>(['SCHEME', 'FEE', 'DESIGN_REVIEW']);

const problem = (field: string, message: string): FieldProblem => ({
  field,
  ruleId: RULE_ID,
  severity: 'error',
  message,
  basis: BASIS,
});

/** The refusal of any advance while the approved scheme has expired (today is after its last valid day). */
export function expiredSchemeProblem(validity: SchemeValidity, version: number, today: string): FieldProblem | null {
  if (today <= validity.validUntil) return null;
  return problem(
    'scheme',
    `供电方案第 ${version} 版有效期至 ${validity.validUntil}，已过期 ${daysBetween(validity.validUntil, today)} 天：` +
      '受电工程开工前方案过期即作废，不能继续推进。请重新拟定并审批供电方案后再答复客户。',
  );
}

export interface ExtensionRequest {
  /** The new last valid day. */
  until: string;
  /** When the customer's written request was received. */
  requestedOn: string;
  reason: string;
}

/** Why an extension of this approved scheme cannot be recorded; empty when it can. */
export function extensionProblems(
  content: { replyDate: string; validityMonths: number },
  validity: SchemeValidity,
  request: ExtensionRequest,
  today: string,
  profile: RuleProfile,
): FieldProblem[] {
  if (validity.extendedUntil !== null) {
    return [
      problem('until', `该方案已延期至 ${validity.extendedUntil}，只能延期一次；到期后请重新拟定并审批供电方案。`),
    ];
  }
  const out: FieldProblem[] = [];
  const notice = profile.scheme.extensionNoticeDays;
  const left = daysBetween(request.requestedOn, validity.originalUntil);
  if (request.requestedOn > today)
    out.push(problem('requestedOn', `延期申请日期 ${request.requestedOn} 晚于今天，请填写收到客户书面申请的日期。`));
  else if (request.requestedOn < content.replyDate)
    out.push(
      problem('requestedOn', `延期申请日期 ${request.requestedOn} 早于方案答复日期 ${content.replyDate}，请核对。`),
    );
  else if (left < notice)
    out.push(
      problem(
        'requestedOn',
        `延期须在有效期届满前至少 ${notice} 天提出：方案有效期至 ${validity.originalUntil}，申请日期 ${request.requestedOn} 距到期仅 ${Math.max(left, 0)} 天。不能延期，请重新拟定并审批供电方案。`,
      ),
    );
  const latest = addMonths(validity.originalUntil, content.validityMonths);
  if (request.until <= validity.originalUntil)
    out.push(problem('until', `延期后的有效期须晚于原有效期 ${validity.originalUntil}，请重新填写。`));
  else if (request.until > latest)
    out.push(
      problem(
        'until',
        `延长时间不得超过原有效期（${content.validityMonths} 个月）：最迟可延至 ${latest}，请重新填写。`,
      ),
    );
  if (request.reason.trim() === '')
    out.push(problem('reason', '请填写延期理由（客户申请延期的原因），将记入审计日志。'));
  return out;
}
