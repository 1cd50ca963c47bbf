import { Alert, Tag, Tooltip } from 'antd';
import type { SchemeAdvice } from '../../../../shared/rules';

/** Tag colours with AA contrast on the alert's tinted background (the preset orange tag fails it). */
const LEVEL = {
  warning: { label: '警告', color: '#ad4e00' },
  info: { label: '提示', color: '#0050b3' },
} as const;

/**
 * 方案提示: the scheme's warnings (R-MET-03, R-MET-06) and hints (R-TAR-09) as the clerk edits. They never block
 * a save; the approval's audit entry records the warnings still standing. 依据 is each line's tooltip.
 */
export function SchemeAdviceList({ advice }: { advice: readonly SchemeAdvice[] }) {
  if (advice.length === 0) return null;
  const warnings = advice.filter((a) => a.severity === 'warning').length;
  return (
    <div data-testid="scheme-advice">
      <Alert
        type={warnings > 0 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          warnings > 0 ? `方案提示：${warnings} 条警告不阻止保存，请核实；审批时仍存在的警告记入审计日志。` : '方案提示'
        }
        description={
          <div role="list">
            {advice.map((a) => (
              <div role="listitem" key={a.field + a.ruleId + a.message} data-severity={a.severity}>
                <Tag
                  style={{
                    color: LEVEL[a.severity].color,
                    borderColor: LEVEL[a.severity].color,
                    background: '#fff',
                    marginInlineEnd: 8,
                  }}
                >
                  {LEVEL[a.severity].label}
                </Tag>
                <Tooltip title={`依据：${a.basis}`} placement="topLeft">
                  <span>
                    {a.message}（{a.ruleId}）
                  </span>
                </Tooltip>
              </div>
            ))}
          </div>
        }
      />
    </div>
  );
}
