import { useCallback, useEffect, useRef } from 'react';
import { SEARCH_MARKS } from './searchMarks';

/**
 * Marks the submit of a search and the frame that paints its answer: the first rows array other than the one
 * on screen at submit, once loading is over (an empty answer paints "没有符合条件的申请"). The mark is taken in
 * the animation-frame callback after React committed the rows, the last moment before that frame is painted.
 */
export function useSearchTiming(rows: readonly unknown[], loading: boolean) {
  const current = useRef(rows);
  const baseline = useRef<readonly unknown[] | null>(null);
  current.current = rows;

  const submitted = useCallback(() => {
    performance.clearMarks(SEARCH_MARKS.painted);
    performance.mark(SEARCH_MARKS.submit);
    baseline.current = current.current;
  }, []);

  useEffect(() => {
    if (baseline.current === null || rows === baseline.current || loading) return;
    baseline.current = null;
    requestAnimationFrame(() => {
      performance.mark(SEARCH_MARKS.painted);
      performance.measure(SEARCH_MARKS.measure, SEARCH_MARKS.submit, SEARCH_MARKS.painted);
    });
  }, [rows, loading]);

  return submitted;
}
