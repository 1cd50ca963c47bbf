/**
 * 客户画像 › 建议与潜在客户 across the hall: the stored suggestions and leads in force (suggestionStore.ts), filtered
 * by kind and outcome and paged in SQL, and the acceptance rate per kind so the rules can be judged on results
 * (issue 15: "store the suggestion, not the answer").
 */
import {
  SUGGESTION_KINDS,
  type LeadsInput,
  type LeadsPage,
  type SuggestionKindRate,
} from '../../../shared/api/portrait';
import type { Db } from '../../db/connection';
import { openCountsByKind, outcomeCounts, storedSuggestionPage } from '../../db/repositories/suggestionStoreRepo';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { refreshStoredSuggestions } from './suggestionStore';
import { toSuggestion } from './suggestionsInForce';

/**
 * Per kind: open suggestions in force, and the recorded outcomes (also of suggestions that no longer arise).
 * The acceptance rate is 有意向 over all put to a customer (已推荐 + 有意向 + 不适用).
 */
export function kindRates(db: Db): SuggestionKindRate[] {
  const open = openCountsByKind(db);
  const outcomes = outcomeCounts(db);
  return SUGGESTION_KINDS.map((kind) => {
    const count = (status: string) => outcomes.find((o) => o.kind === kind && o.status === status)?.n ?? 0;
    const contacted = count('contacted');
    const accepted = count('accepted');
    const declined = count('declined');
    const presented = contacted + accepted + declined;
    return {
      kind,
      open: open.get(kind) ?? 0,
      contacted,
      accepted,
      declined,
      acceptanceRate: presented === 0 ? null : accepted / presented,
    };
  });
}

export function listLeads(ctx: HandlerContext, input: LeadsInput): LeadsPage {
  refreshStoredSuggestions(ctx.db, clockOf(ctx).at);
  const { rows, total } = storedSuggestionPage(ctx.db, {
    kind: input.kind ?? null,
    status: input.status ?? null,
    offset: input.offset,
    limit: input.limit,
  });
  return { items: rows.map(toSuggestion), total, rates: kindRates(ctx.db) };
}
