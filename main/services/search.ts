/**
 * 综合查询: substring search over customer name, ID number, phone, address and application number.
 * 3+ characters use the trigram FTS index; 1–2 characters (a surname, a two-character name) use the name
 * side index, since a trigram index cannot match fewer than three characters; 7+ digits (a phone or ID fragment)
 * use the digit suffix index, one range scan instead of intersecting common digit trigrams. Same filters and
 * paging as lists.
 */
import type { ApplicationFilterInput, ApplicationSummary, Page } from '../../shared/api/applications';
import { isDigitQuery, searchDigits, searchShortName, searchTrigram } from '../db/repositories/searchRepo';
import type { HandlerContext } from '../ipc/context';
import { cursorOf, DEFAULT_PAGE_SIZE, pageOf, repositoryFilter } from './applications/readApplications';

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
  const before = cursorOf(input);
  const short = [...text].length < 3;
  const search = short ? searchShortName : isDigitQuery(text) ? searchDigits : searchTrigram;
  return pageOf(ctx, input.limit ?? DEFAULT_PAGE_SIZE, (limit) => search(ctx.db, text, filter, before, limit));
}
