import { Alert, Button, Checkbox, Input, Space } from 'antd';
import { useState } from 'react';
import type { FieldProblem } from '../../../../shared/api/result';
import type { Acknowledgement } from '../../../../shared/domain/application';

/** A refusal that only warnings allowing an acknowledgement caused: the clerk may confirm each with a reason. */
export function onlyWarnings(problems: readonly FieldProblem[] | undefined): problems is FieldProblem[] {
  return !!problems && problems.length > 0 && problems.every((p) => p.severity === 'warning');
}

/**
 * 确认警告后推进: each warning with a 确认 checkbox and a 理由 field; 确认并推进 sends them with the move, and the
 * main process stores them in the record and audits them as it does at intake. Errors never come here.
 */
export function AcknowledgeWarnings({
  warnings,
  actionLabel,
  busy,
  onConfirm,
}: {
  warnings: FieldProblem[];
  actionLabel: string;
  busy: boolean;
  onConfirm: (acknowledgements: Acknowledgement[]) => void;
}) {
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const ruleIds = [...new Set(warnings.map((w) => w.ruleId))];
  const complete = ruleIds.every((id) => checked[id] && reasons[id]?.trim());
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="move-warnings"
      title="以下警告需要确认：逐条勾选“确认”并写明理由（理由记入审计日志）后即可继续"
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {warnings.map((w) => (
            <div
              key={w.ruleId + w.message}
              style={{ display: 'grid', gridTemplateColumns: '1fr auto 320px', gap: 8, alignItems: 'center' }}
            >
              <span style={{ color: '#ad4e00' }}>
                {w.message}（{w.ruleId}）
              </span>
              <Checkbox
                checked={checked[w.ruleId] ?? false}
                onChange={(event) => setChecked((c) => ({ ...c, [w.ruleId]: event.target.checked }))}
                aria-label={`确认 ${w.ruleId}`}
              >
                确认
              </Checkbox>
              <Input
                aria-label={`理由 ${w.ruleId}`}
                placeholder="理由（必填）"
                maxLength={512}
                value={reasons[w.ruleId] ?? ''}
                onChange={(event) => setReasons((r) => ({ ...r, [w.ruleId]: event.target.value }))}
              />
            </div>
          ))}
          <Button
            type="primary"
            loading={busy}
            disabled={!complete}
            onClick={() => onConfirm(ruleIds.map((ruleId) => ({ ruleId, reason: (reasons[ruleId] ?? '').trim() })))}
          >
            {actionLabel}
          </Button>
        </Space>
      }
    />
  );
}
