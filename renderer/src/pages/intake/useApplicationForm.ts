import { Form } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { BusinessType, CustomerClass, Stage } from '../../../../shared/domain/codes';
import { requiredDocuments } from '../../../../shared/rules';
import { compact } from '../../forms/compact';
import { useProfileInForce } from '../../shell/useProfileInForce';
import { documentEntries, onChecklist, type DocumentStates } from './documentEntries';
import { useLookupProblems } from './useLookupProblems';
import { useProblemVisibility } from './useProblemVisibility';
import { useRuleCheck } from './useRuleCheck';

/**
 * The state of an application form (业务受理, 更正申请信息): the raw values, the warning reasons, the record they
 * make and its documents checklist, checked by the shared rules at `stage` on every change.
 */
export function useApplicationForm(
  businessType: BusinessType | undefined,
  customerClass: CustomerClass | undefined,
  stage: Stage,
  initialReasons: Record<string, string> = {},
  /** The application being corrected (its own row is not a duplicate of itself). */
  number?: string,
) {
  const [form] = Form.useForm();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [reasons, setReasons] = useState<Record<string, string>>(initialReasons);
  const profile = useProfileInForce();

  const { app, checklist } = useMemo(() => {
    const { docs, ...fields } = values as { docs?: DocumentStates };
    const entered = {
      ...((compact(fields) ?? {}) as Record<string, unknown>),
      businessType,
      customerClass,
      acknowledgements: Object.entries(reasons)
        .filter(([, reason]) => reason.trim() !== '')
        .map(([ruleId, reason]) => ({ ruleId, reason: reason.trim() })),
    };
    // The checklist depends on the documents (承诺书 appears once anything is deferred), and the record's
    // documents are those the checklist shows: all statuses first, then the checklist, then the record.
    const allEntries = documentEntries(docs);
    const items =
      businessType && customerClass
        ? requiredDocuments(businessType, customerClass, { ...entered, documents: allEntries }, profile)
        : [];
    return { app: { ...entered, documents: onChecklist(allEntries, items) }, checklist: items };
  }, [values, businessType, customerClass, reasons, profile]);
  const check = useLookupProblems(app, stage, useRuleCheck(app, stage, profile), number);
  const pendingWarnings = check.warnings.filter((w) => !reasons[w.ruleId]?.trim()).length;
  /** What the fields show of `check` (the save bar shows all of it), and the save attempt that reveals the rest. */
  const visibility = useProblemVisibility(check.byField, app, check.errors.length, pendingWarnings);
  /** Copies the form's values into the state (after a change the form made itself, e.g. a 户号 lookup). */
  const sync = useCallback(() => setValues(form.getFieldsValue(true) as Record<string, unknown>), [form]);
  return { form, values, setValues, reasons, setReasons, app, checklist, check, visibility, sync, profile };
}

export type ApplicationFormState = ReturnType<typeof useApplicationForm>;
