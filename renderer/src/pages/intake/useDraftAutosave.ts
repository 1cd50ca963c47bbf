import { useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../../shared/api/drafts';
import { api } from '../../api';

/** What the intake form keeps in a draft: the choice of type and class, the raw form values, the reasons. */
export interface IntakeDraft {
  businessType?: string;
  customerClass?: string;
  values: Record<string, unknown>;
  reasons: Record<string, string>;
}

const SAVE_AFTER_MS = 1000;

/**
 * Saves the intake form to the main process one second after the last change (an atomic file write there),
 * so a crash or a power cut loses at most that second; offers the saved draft once when the page opens.
 */
export function useDraftAutosave(current: IntakeDraft, enabled: boolean) {
  const [offered, setOffered] = useState<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const json = JSON.stringify(current);

  useEffect(() => {
    let live = true;
    void api.drafts.get().then((result) => {
      if (live && result.ok && result.value) setOffered(result.value);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void api.drafts.save({ draft: JSON.parse(json) as Record<string, unknown> });
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer.current);
  }, [json, enabled]);

  return {
    offered,
    dismissOffer: () => setOffered(null),
    discard: async () => {
      clearTimeout(timer.current);
      setOffered(null);
      await api.drafts.discard();
    },
  };
}
