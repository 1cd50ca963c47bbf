import { DOCUMENT_CODES, type DocumentCode, type DocumentEntry } from '../../../../shared/domain/application';
import type { RequiredDocument } from '../../../../shared/rules';

/** The form keeps document statuses by code, so rows keep their state when the checklist changes. */
export type DocumentStates = Partial<Record<DocumentCode, Partial<Omit<DocumentEntry, 'code'>>>>;

/** Every document that has a status, in catalogue order. */
export function documentEntries(states: DocumentStates | undefined): DocumentEntry[] {
  const entries: DocumentEntry[] = [];
  for (const code of DOCUMENT_CODES) {
    const state = states?.[code];
    if (!state?.status) continue;
    entries.push({
      code,
      status: state.status,
      ...(state.status === 'DEFERRED' && state.dueStage ? { dueStage: state.dueStage } : {}),
      ...(state.status === 'WAIVED' && state.reason ? { reason: state.reason } : {}),
    });
  }
  return entries;
}

/** Only the documents the checklist still shows (a row that disappeared takes its status with it). */
export function onChecklist(entries: DocumentEntry[], checklist: RequiredDocument[]): DocumentEntry[] {
  const shown = new Set(checklist.filter((item) => item.applies !== false).map((item) => item.code));
  return entries.filter((entry) => shown.has(entry.code));
}
