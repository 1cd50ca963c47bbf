import { Alert, App, Button, Input, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { ApiError } from '../../../../shared/api/result';
import type { ApplicationInput } from '../../../../shared/domain/application';
import { roleAtLeast, ROLE_LABELS } from '../../../../shared/domain/codes';
import { correctionNeeds } from '../../../../shared/workflow/corrections';
import { api } from '../../api';
import { ProblemContext } from '../../forms/ProblemContext';
import { ProblemList } from '../../forms/ProblemList';
import { useSessionRole } from '../../shell/SessionContext';
import { ApplicationFormBody } from '../intake/ApplicationFormBody';
import type { DocumentStates } from '../intake/documentEntries';
import { SaveBar } from '../intake/SaveBar';
import { useApplicationForm } from '../intake/useApplicationForm';
import { useSchemes } from './useSchemes';

/** The form values of a stored record: the record itself, its documents keyed by code as the form keeps them. */
function formValuesOf(record: ApplicationInput): Record<string, unknown> {
  const { documents, acknowledgements: _acks, businessType: _type, customerClass: _class, ...fields } = record;
  const docs: DocumentStates = {};
  for (const { code, ...state } of documents) docs[code] = state;
  return { ...fields, docs };
}

/**
 * 更正申请信息: the intake form pre-filled with the accepted record, every rule live at the current stage, saved
 * through applications.update (one audited diff, rules evaluated again by the main process). Who may correct
 * what, and when, is shared/workflow/corrections.ts: the form asks for the reason the main process will require.
 */
export function CorrectionForm({ detail, onDone }: { detail: ApplicationDetail; onDone: () => Promise<void> }) {
  const record = detail.record;
  const role = useSessionRole();
  const { message } = App.useApp();
  const initialReasons = useMemo(
    () => Object.fromEntries((record.acknowledgements ?? []).map((a) => [a.ruleId, a.reason])),
    [record],
  );
  const state = useApplicationForm(
    record.businessType,
    record.customerClass,
    detail.stage,
    initialReasons,
    detail.number,
  );
  const { app, check, reasons, setReasons } = state;
  const initialValues = useMemo(() => formValuesOf(record), [record]);
  const { versions } = useSchemes(detail.number);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);

  // Until the form has been touched its state is empty: the stored record stands for it. The form lists documents
  // in catalogue order; the record keeps its own, so an untouched list is not a change.
  const edited = useMemo(() => {
    if (Object.keys(state.values).length === 0) return record;
    const typed = app as ApplicationInput;
    const order = new Map(record.documents.map((d, index) => [d.code, index] as const));
    const rank = (code: string) => order.get(code as never) ?? Number.MAX_SAFE_INTEGER;
    return { ...typed, documents: [...typed.documents].sort((a, b) => rank(a.code) - rank(b.code)) };
  }, [app, record, state.values]);
  const needs = correctionNeeds(record, edited, {
    stage: detail.stage,
    schemeApproved: versions?.some((v) => v.status === 'approved') ?? false,
  });
  const allowed = roleAtLeast(role, needs.role);

  const save = async () => {
    if (!state.visibility.trySave()) return;
    setSaving(true);
    const result = await api.applications.update({
      number: detail.number,
      record: edited,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    message.success(`已更正申请 ${detail.number} 的申请信息`);
    await onDone();
  };

  const why = needs.identityChanged ? '更改客户身份（户名、证件）' : needs.late ? '供电方案审批后的更正' : '';
  return (
    <ProblemContext.Provider value={state.visibility.shown}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        更正申请信息
      </Typography.Title>
      <ApplicationFormBody
        state={state}
        businessType={record.businessType}
        customerClass={record.customerClass}
        initialValues={initialValues}
        testId="correction-form"
        stage={detail.stage}
        footer={
          <>
            <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }}>
              {needs.reasonRequired && !allowed && (
                <Alert
                  type="info"
                  showIcon
                  title={`${why}需要${ROLE_LABELS[needs.role]}办理：请交班长登录后更正，或撤回这些修改。`}
                />
              )}
              <Input.TextArea
                aria-label="更正理由"
                placeholder={
                  needs.reasonRequired ? `更正理由（${why}，必填，记入审计日志）` : '更正理由（可选，记入审计日志）'
                }
                maxLength={512}
                rows={2}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
              {refusal && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="correction-error"
                  title={refusal.message}
                  description={
                    refusal.problems && refusal.problems.length > 1 ? (
                      <ProblemList problems={refusal.problems} />
                    ) : undefined
                  }
                />
              )}
            </Space>
            <SaveBar
              errors={check.errors}
              warnings={check.warnings}
              reasons={reasons}
              onReason={(ruleId, text) => setReasons((current) => ({ ...current, [ruleId]: text }))}
              onSave={() => void save()}
              saving={saving}
              saveLabel="保存更正"
              blockedExtra={
                needs.corrected.length === 0 && needs.progressed.length === 0
                  ? '尚未修改任何申请信息'
                  : !allowed
                    ? `需要${ROLE_LABELS[needs.role]}办理`
                    : needs.reasonRequired && !reason.trim()
                      ? '请填写更正理由'
                      : undefined
              }
            />
            <Button onClick={() => void onDone()}>放弃更正</Button>
          </>
        }
      />
    </ProblemContext.Provider>
  );
}
