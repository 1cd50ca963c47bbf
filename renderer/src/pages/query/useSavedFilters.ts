import { useCallback, useEffect, useState } from 'react';
import type { SavedFilter, SavedQuery } from '../../../../shared/api/savedFilters';
import { api } from '../../api';

/** The signed-in user's saved filters (built-in presets first), with save and delete that refresh the list. */
export function useSavedFilters() {
  const [filters, setFilters] = useState<SavedFilter[]>([]);

  const reload = useCallback(async () => {
    const result = await api.filters.list();
    if (result.ok) setFilters(result.value);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = useCallback(
    async (name: string, query: SavedQuery) => {
      const result = await api.filters.save({ name, query });
      if (result.ok) await reload();
      return result;
    },
    [reload],
  );

  const remove = useCallback(
    async (id: string) => {
      const result = await api.filters.delete({ id });
      if (result.ok) await reload();
      return result;
    },
    [reload],
  );

  return { filters, save, remove };
}
