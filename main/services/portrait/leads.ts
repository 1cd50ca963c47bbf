/**
 * 客户画像 › 建议与潜在客户 across the hall: every suggestion and lead in force, filtered by kind and outcome, and the
 * acceptance rate per kind so the rules can be judged on results (issue 15: "store the suggestion, not the
 * answer").
 */
import {
  SUGGESTION_KINDS,
  type LeadsInput,
  type LeadsPage,
  type Suggestion,
  type SuggestionKindRate,
} from '../../../shared/api/portrait';
import type { HandlerContext } from '../../ipc/context';
import type { OutcomeRow } from '../../db/repositories/portraitRepo';
import { clockOf } from '../clock';
import { outcomeKey, suggestionsInForce } from './suggestionsInForce';

/**
 * Per kind: open suggestions in force, and the recorded outcomes (also of suggestions that no longer arise).
 * The acceptance rate is 有意向 over all put to a customer (已推荐 + 有意向 + 不适用).
 */
export function kindRates(suggestions: readonly Suggestion[], outcomes: readonly OutcomeRow[]): SuggestionKindRate[] {
  const recorded = new Set(outcomes.filter((o) => o.status !== 'open').map((o) => outcomeKey(o.kind, o.subject_key)));
  return SUGGESTION_KINDS.map((kind) => {
    const count = (status: OutcomeRow['status']) =>
      outcomes.filter((o) => o.kind === kind && o.status === status).length;
    const contacted = count('contacted');
    const accepted = count('accepted');
    const declined = count('declined');
    const presented = contacted + accepted + declined;
    return {
      kind,
      open: suggestions.filter((s) => s.kind === kind && !recorded.has(outcomeKey(s.kind, s.subject))).length,
      contacted,
      accepted,
      declined,
      acceptanceRate: presented === 0 ? null : accepted / presented,
    };
  });
}

export function listLeads(ctx: HandlerContext, input: LeadsInput): LeadsPage {
  const { suggestions, outcomes } = suggestionsInForce(ctx.db, clockOf(ctx).today);
  const matching = suggestions.filter(
    (s) => (!input.kind || s.kind === input.kind) && (!input.status || s.status === input.status),
  );
  return {
    items: matching.slice(input.offset, input.offset + input.limit),
    total: matching.length,
    rates: kindRates(suggestions, outcomes),
  };
}
