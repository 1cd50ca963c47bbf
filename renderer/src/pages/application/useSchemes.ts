import { useCallback, useEffect, useState } from 'react';
import type { SchemeVersion } from '../../../../shared/api/schemes';
import { api } from '../../api';

/** The scheme versions of one application, oldest first; `reload` after each save or approval. */
export function useSchemes(number: string) {
  const [versions, setVersions] = useState<SchemeVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await api.schemes.list({ number });
    if (result.ok) {
      setVersions(result.value);
      setError(null);
    } else setError(result.error.message);
  }, [number]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { versions, error, reload };
}
