import { useCallback, useState } from 'react';
import type { ApplicationSummary } from '../../../../shared/api/applications';
import type { Result } from '../../../../shared/api/result';
import type { ApplicationInput } from '../../../../shared/domain/application';
import { api } from '../../api';

/** Saves a new application through the main process, which checks every rule again before it writes. */
export function useSaveApplication() {
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ApplicationSummary | null>(null);
  const save = useCallback(async (record: ApplicationInput): Promise<Result<ApplicationSummary>> => {
    setSaving(true);
    try {
      const result = await api.applications.create({ record });
      if (result.ok) setSaved(result.value);
      return result;
    } finally {
      setSaving(false);
    }
  }, []);
  return { save, saving, saved, reset: () => setSaved(null) };
}
