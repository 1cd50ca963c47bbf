import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationFilterInput, ApplicationSummary } from '../../../../shared/api/applications';
import { api } from '../../api';

export interface Query {
  text: string;
  filters: ApplicationFilterInput;
  /** Bumped to re-run the same query after a batch changed the rows. */
  revision: number;
}

const PAGE_SIZE = 100;

/**
 * Keyset-paged results of a search (FTS) or a filtered list. Pages are appended as the table scrolls, so a
 * million rows never cross IPC at once; a newer query discards the answers of older ones.
 */
export function useApplicationPages(query: Query) {
  const [rows, setRows] = useState<ApplicationSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (from: string | null, gen: number) => {
      setLoading(true);
      const input = { ...query.filters, limit: PAGE_SIZE, ...(from ? { cursor: from } : {}) };
      const text = query.text.trim();
      const result = text ? await api.search.query({ ...input, text }) : await api.applications.list(input);
      if (gen !== generation.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error.message);
        if (!from) setRows([]);
        return;
      }
      setError(null);
      setRows((current) => (from ? [...current, ...result.value.items] : result.value.items));
      setCursor(result.value.nextCursor);
    },
    [query],
  );

  useEffect(() => {
    // The previous rows stay until the first new page replaces them: emptying the table first made the
    // virtual list unmount and mount again, which cost more than the query itself.
    const gen = ++generation.current;
    setCursor(null);
    void fetchPage(null, gen);
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) void fetchPage(cursor, generation.current);
  }, [cursor, loading, fetchPage]);

  return { rows, loading, error, hasMore: cursor !== null, loadMore };
}
