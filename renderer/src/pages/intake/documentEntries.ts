import { DOCUMENT_CODES, type DocumentCode, type DocumentEntry } from '../../../../shared/domain/application';
import type { Stage } from '../../../../shared/domain/codes';
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

/**
 * A paper just registered 容缺 is due by the latest stage the checklist allows until the clerk picks another, set
 * in the form's values (not only shown) so the live check sees the same due stage as the screen.
 */
export function defaultDueStages(
  changed: DocumentStates | undefined,
  checklist: RequiredDocument[],
): [DocumentCode, Stage][] {
  const defaults: [DocumentCode, Stage][] = [];
  for (const [code, state] of Object.entries(changed ?? {}) as [DocumentCode, DocumentStates[DocumentCode]][]) {
    const until = checklist.find((item) => item.code === code)?.deferrableUntil;
    if (state?.status === 'DEFERRED' && until) defaults.push([code, until]);
  }
  return defaults;
}
