/**
 * Layout 6: where a block of body text breaks across pages, with widow and orphan control. Before it, pdfkit
 * broke the page wherever the next line did not fit, so a paragraph's last line could open a page alone (the
 * temporary HV contract's page 3 started with "供电。"). Now a paragraph breaks only where at least two of its
 * lines stay on each side; a paragraph of two or three lines never breaks, and a block that cannot break on the
 * page it starts on moves to the next page whole.
 */

/** How many lines fit from `y` down to `bottom`, as pdfkit decides: a line fits when `y + lineHeight <= bottom`. */
export function linesThatFit(y: number, bottom: number, lineHeight: number, pitch: number): number {
  let count = 0;
  for (let top = y; top + lineHeight <= bottom; top += pitch) count += 1;
  return count;
}

/**
 * The lines that start a new page, for `count` lines whose paragraphs start at `starts` (line indices; 0 is
 * always one), when `room` lines fit on the current page and `perPage` on a fresh one. 0 in the result moves
 * the whole block to the next page, which happens only when the current page is not `fresh` already. A
 * paragraph longer than a page with no break allowed on it breaks where the page ends.
 */
export function pageBreaksOf(
  count: number,
  starts: ReadonlySet<number>,
  room: number,
  perPage: number,
  fresh: boolean,
): number[] {
  const startOf = (line: number) => Math.max(...[...starts].filter((s) => s <= line));
  const endOf = (line: number) => Math.min(count, ...[...starts].filter((s) => s > line));
  const allowed = (line: number) => starts.has(line) || (line - startOf(line) >= 2 && endOf(line) - line >= 2);
  const breaks: number[] = [];
  let first = 0;
  let capacity = Math.max(0, room);
  let onFreshPage = fresh;
  while (count - first > capacity) {
    let at = first + capacity;
    while (at > first && !allowed(at)) at -= 1;
    if (at === first) {
      if (!onFreshPage) {
        breaks.push(first);
        capacity = perPage;
        onFreshPage = true;
        continue;
      }
      at = first + Math.max(1, capacity);
    }
    breaks.push(at);
    first = at;
    capacity = perPage;
    onFreshPage = true;
  }
  return breaks;
}

/**
 * The fewest leading lines of a paragraph of `count` lines that can end a page: all of them when it has three
 * lines or fewer, else two.
 */
export function leadingLines(count: number): number {
  return count <= 3 ? count : 2;
}
