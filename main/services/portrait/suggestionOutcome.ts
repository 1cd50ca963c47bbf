/**
 * Recording what happened to a suggestion (已推荐 / 客户有意向 / 不适用 with a reason, or back to 待跟进): one
 * mutation, audited as `suggestion.status` on entity `suggestion`, with the suggestion as it was shown.
 */
import {
  SUGGESTION_KIND_LABELS,
  SUGGESTION_STATUS_LABELS,
  type Suggestion,
  type SuggestionStatusInput,
} from '../../../shared/api/portrait';
import { upsertOutcome } from '../../db/repositories/portraitRepo';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { mutate } from '../mutation';
import { clockOf } from '../clock';
import { refreshStoredSuggestions } from './suggestionStore';
import { suggestionInForce } from './suggestionsInForce';

export function setSuggestionStatus(ctx: HandlerContext, input: SuggestionStatusInput): Suggestion {
  refreshStoredSuggestions(ctx.db, clockOf(ctx).at);
  return mutate(ctx, ({ db, session, changeSeq, clock }) => {
    const current = suggestionInForce(db, input.kind, input.subject);
    if (!current) {
      throw new AppError(
        'NOT_FOUND',
        `没有“${SUGGESTION_KIND_LABELS[input.kind]}”建议（${input.subject}）：数据已变化，请刷新后重试。`,
      );
    }
    if (current.status === input.status && (current.statusReason ?? '') === (input.reason ?? '')) {
      throw new AppError('ILLEGAL_STATE', `该建议已是“${SUGGESTION_STATUS_LABELS[input.status]}”。`);
    }
    const reason = input.reason || null;
    const { status: _s, statusReason: _r, statusBy: _b, statusAt: _a, ...shown } = current;
    upsertOutcome(db, {
      kind: input.kind,
      subject: input.subject,
      status: input.status,
      reason,
      suggestionJson: JSON.stringify(shown),
      by: session.name,
      at: clock.at,
      changeSeq,
    });
    return {
      result: { ...current, status: input.status, statusReason: reason, statusBy: session.name, statusAt: clock.at },
      audit: {
        action: 'suggestion.status',
        entity: 'suggestion',
        entityId: `${input.kind}:${input.subject}`,
        diff: {
          status: { before: current.status, after: input.status },
          reason: { before: current.statusReason, after: reason },
          customers: { before: null, after: current.customers.map((c) => c.name).join('、') },
        },
      },
    };
  });
}
