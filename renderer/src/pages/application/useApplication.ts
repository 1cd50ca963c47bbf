import { useCallback, useEffect, useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { AuditEntry } from '../../../../shared/api/audit';
import { api } from '../../api';

type State =
  | { state: 'loading' }
  | { state: 'ready'; detail: ApplicationDetail; audit: AuditEntry[] }
  | { state: 'error'; message: string };

/** One application with its audit trail; `reload` after every move. */
export function useApplication(number: string) {
  const [data, setData] = useState<State>({ state: 'loading' });
  const reload = useCallback(async () => {
    const [detail, audit] = await Promise.all([api.applications.get({ number }), api.audit.forApplication({ number })]);
    if (!detail.ok) setData({ state: 'error', message: detail.error.message });
    else setData({ state: 'ready', detail: detail.value, audit: audit.ok ? audit.value : [] });
  }, [number]);
  useEffect(() => {
    setData({ state: 'loading' });
    void reload();
  }, [reload]);
  return { data, reload };
}
