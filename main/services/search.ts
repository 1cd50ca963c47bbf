/**
 * 综合查询: substring search over customer name, ID number, phone, address and application number.
 * 3+ characters use the trigram FTS index; 1–2 characters (a surname, a two-character name) use the name
 * side index, since a trigram index cannot match fewer than three characters; 7+ digits (a phone or ID fragment)
 * use the digit suffix index, one range scan instead of intersecting common digit trigrams. Same filters and
 * paging as lists.
 */
import type { ApplicationFilterInput, ApplicationSummary, Page } from '../../shared/api/applications';
import {
  digitIds,
  isDigitQuery,
  searchDigits,
  searchShortName,
  searchTrigram,
  shortNameIds,
  trigramIds,
} from '../db/repositories/searchRepo';
import type { HandlerContext } from '../ipc/context';
import { cursorOf, DEFAULT_PAGE_SIZE, pageOf, repositoryFilter, rowsInOrder } from './applications/readApplications';

/** Each search path: its newest-first pages and its matches as an id subquery (for pages in due order). */
const PATHS = {
  short: { page: searchShortName, ids: shortNameIds },
  digits: { page: searchDigits, ids: digitIds },
  trigram: { page: searchTrigram, ids: trigramIds },
};

/** Spaces inside a query are not meaningful in names, numbers or addresses; fold them away. */
export function normaliseQuery(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function searchApplications(
  ctx: HandlerContext,
  input: ApplicationFilterInput & { text: string },
): Page<ApplicationSummary> {
  const text = normaliseQuery(input.text);
  const filter = repositoryFilter(ctx, input);
  const after = cursorOf(input);
  const order = input.order ?? 'newest';
  const path = PATHS[[...text].length < 3 ? 'short' : isDigitQuery(text) ? 'digits' : 'trigram'];
  return pageOf(ctx, input.limit ?? DEFAULT_PAGE_SIZE, order, (limit) =>
    rowsInOrder(
      ctx,
      filter,
      order,
      after,
      limit,
      (f, before, n) => path.page(ctx.db, text, f, before, n),
      path.ids(text),
    ),
  );
}
