import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ApplicationDetail } from '../../../../shared/api/applications';
import type { FieldProblem } from '../../../../shared/api/result';
import { roleAtLeast } from '../../../../shared/domain/codes';
import type { SupplyScheme } from '../../../../shared/domain/scheme';
import { proposeScheme } from '../../../../shared/domain/schemeProposal';
import { schemeAdvice, type SchemeAdvice } from '../../../../shared/rules';
import { api } from '../../api';
import { ProblemContext } from '../../forms/ProblemContext';
import { todayInShanghai } from '../../format/dates';
import { useSessionRole } from '../../shell/SessionContext';
import { useProfileInForce } from '../../shell/useProfileInForce';
import { SchemeAdviceList } from './SchemeAdviceList';
import { SchemeExtension } from './SchemeExtension';
import { SchemeForm } from './SchemeForm';
import { SchemeVersions } from './SchemeVersions';
import { useSchemes } from './useSchemes';

/** Server problems name `content.sources.0.line`; the form's fields are relative to the scheme. */
function problemsByField(problems: FieldProblem[] | undefined): Map<string, FieldProblem[]> {
  const map = new Map<string, FieldProblem[]>();
  for (const p of problems ?? []) {
    const field = p.field.replace(/^content\./, '');
    map.set(field, [...(map.get(field) ?? []), p]);
  }
  return map;
}

/** The scheme's warnings join the server's problems under their fields (hints stay in the list only). */
function withAdvice(problems: Map<string, FieldProblem[]>, advice: readonly SchemeAdvice[]) {
  const map = new Map(problems);
  for (const a of advice) {
    if (a.severity !== 'warning') continue;
    const problem: FieldProblem = {
      field: a.field,
      ruleId: a.ruleId,
      severity: 'warning',
      message: a.message,
      basis: a.basis,
    };
    map.set(a.field, [...(map.get(a.field) ?? []), problem]);
  }
  return map;
}

/**
 * 供电方案: draft, approve (supervisor), and change after approval (supervisor + reason, a new version).
 * The editor starts from the open draft, else from the approved version, else from a proposal built from
 * the application.
 */
export function SchemePanel({ detail, onChanged }: { detail: ApplicationDetail; onChanged: () => Promise<void> }) {
  const { versions, error, reload } = useSchemes(detail.number);
  const role = useSessionRole();
  const { message } = App.useApp();
  const [form] = Form.useForm<SupplyScheme>();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Map<string, FieldProblem[]>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);

  // The province profile in force shapes the proposal (validity, metering) and the advice (R-MET-06 classes).
  const profile = useProfileInForce();
  const meteringClasses = profile?.metering.meteringClasses;
  const draft = versions?.find((v) => v.status === 'draft');
  const approved = versions?.filter((v) => v.status === 'approved').at(-1);
  const base = useMemo(
    () =>
      draft?.content ??
      approved?.content ??
      proposeScheme(detail.record, `${detail.number}-FA`, todayInShanghai(), profile),
    [draft, approved, detail, profile],
  );
  useEffect(() => form.setFieldsValue(base), [base, form]);
  const watched = Form.useWatch((values: Partial<SupplyScheme>) => values, { form, preserve: true });
  const advice = useMemo(
    () => schemeAdvice({ ...base, ...watched }, meteringClasses),
    [base, watched, meteringClasses],
  );
  const shown = useMemo(() => withAdvice(problems, advice), [problems, advice]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!versions) return null;
  const changingApproved = !draft && approved !== undefined;
  const supervisor = roleAtLeast(role, 'supervisor');

  const save = async () => {
    const content = { ...base, ...form.getFieldsValue(true) } as SupplyScheme;
    const result = await api.schemes.saveDraft({
      number: detail.number,
      content,
      ...(changingApproved ? { reason } : {}),
    });
    if (!result.ok) {
      setProblems(problemsByField(result.error.problems));
      setRefusal(result.error.message);
      return;
    }
    setProblems(new Map());
    setRefusal(null);
    setReason('');
    message.success(`已保存供电方案第 ${result.value.version} 版草稿`);
    await reload();
    await onChanged();
  };

  const approve = async () => {
    if (!draft) return;
    const result = await api.schemes.approve({ number: detail.number, version: draft.version });
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    setRefusal(null);
    message.success(`供电方案第 ${draft.version} 版已审批`);
    await reload();
    await onChanged();
  };

  return (
    <div data-testid="scheme-panel">
      <SchemeVersions versions={versions} />
      {approved && (
        <SchemeExtension
          number={detail.number}
          approved={approved}
          supervisor={supervisor}
          onExtended={async () => {
            await reload();
            await onChanged();
          }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {draft
          ? `编辑第 ${draft.version} 版草稿`
          : approved
            ? `变更已审批的第 ${approved.version} 版方案`
            : '拟定供电方案'}
      </Typography.Title>
      {changingApproved && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="方案已审批：变更须由班长/审核员办理并填写理由，保存后形成新版本，需重新审批并重新答复客户。"
        />
      )}
      <ProblemContext.Provider value={shown}>
        <Form form={form} layout="vertical" data-testid="scheme-form">
          <SchemeForm hv={detail.customerClass === 'HV'} />
        </Form>
      </ProblemContext.Provider>
      <SchemeAdviceList advice={advice} />
      {refusal && (
        <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="scheme-error" />
      )}
      <Space wrap>
        {changingApproved && (
          <Input
            aria-label="变更理由"
            placeholder="变更理由（必填）"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            style={{ width: 360 }}
          />
        )}
        <Button type="primary" onClick={() => void save()}>
          {changingApproved ? '保存为新版本草稿' : '保存方案草稿'}
        </Button>
        {draft && supervisor && <Button onClick={() => void approve()}>审批通过第 {draft.version} 版</Button>}
      </Space>
    </div>
  );
}
