import { Alert, Button, Input, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { FieldProblem } from '../../../../shared/api/result';
import { fieldLabel } from '../../../../shared/rules';

/**
 * The bottom of the intake form: why saving is blocked (errors), which warnings still need a reason, and the
 * save button (Ctrl+S). Acknowledged warnings are stored in the record and audited by the main process.
 */
export function SaveBar({
  errors,
  warnings,
  reasons,
  onReason,
  onSave,
  saving,
  saveLabel = '保存受理（Ctrl+S）',
  blockedExtra,
}: {
  errors: FieldProblem[];
  warnings: FieldProblem[];
  reasons: Record<string, string>;
  onReason: (ruleId: string, reason: string) => void;
  onSave: () => void;
  saving: boolean;
  saveLabel?: string;
  /** Why saving is blocked besides the rules (a correction without a change or its reason). */
  blockedExtra?: string | undefined;
}) {
  const pendingWarnings = warnings.filter((w) => !reasons[w.ruleId]?.trim());
  const blocked = errors.length > 0 || pendingWarnings.length > 0 || blockedExtra !== undefined;
  const why =
    errors.length > 0
      ? `还有 ${errors.length} 处错误需要改正：${[...new Set(errors.map((e) => fieldLabel(e.field)))].slice(0, 4).join('、')}${errors.length > 4 ? '等' : ''}`
      : pendingWarnings.length > 0
        ? `还有 ${pendingWarnings.length} 条警告需要填写确认理由`
        : (blockedExtra ?? '所有校验已通过，可以保存（Ctrl+S）');
  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        background: '#fff',
        borderTop: '1px solid #f0f0f0',
        padding: 12,
        zIndex: 2,
      }}
    >
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="以下警告需确认（填写理由后方可保存，理由将记入审计日志）"
          description={
            <Space orientation="vertical" style={{ width: '100%' }}>
              {warnings.map((w) => (
                <div key={w.ruleId} style={{ display: 'grid', gridTemplateColumns: '1fr 320px', gap: 8 }}>
                  <span>
                    {w.message}（{w.ruleId}）
                  </span>
                  <Input
                    aria-label={`确认理由 ${w.ruleId}`}
                    placeholder="确认理由"
                    value={reasons[w.ruleId] ?? ''}
                    onChange={(event) => onReason(w.ruleId, event.target.value)}
                  />
                </div>
              ))}
            </Space>
          }
        />
      )}
      <Space>
        {/* Blocked by problems, the button still answers: the page says how many and shows the first. */}
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={blockedExtra !== undefined}
          loading={saving}
          onClick={onSave}
        >
          {saveLabel}
        </Button>
        <Typography.Text type={blocked ? 'danger' : 'success'} data-testid="save-state">
          {why}
        </Typography.Text>
      </Space>
    </div>
  );
}
