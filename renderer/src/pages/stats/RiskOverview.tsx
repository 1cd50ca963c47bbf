import { Button, Space, Typography } from 'antd';
import { RISK_STAGE_LABELS, RISK_STAGES, type RiskFlagPage } from '../../../../shared/api/risk';

/**
 * 风险概览: the open flags per detector, one line per stage of the paper's list, so a supervisor sees where the hall
 * goes wrong before reading single flags; a detector opens its flags in the list below.
 */
export function RiskOverview({
  page,
  selected,
  onSelect,
}: {
  page: RiskFlagPage;
  selected: string | undefined;
  onSelect: (detector: string | undefined) => void;
}) {
  return (
    <div data-testid="risk-overview" style={{ display: 'grid', gridTemplateColumns: '9em 1fr', rowGap: 4 }}>
      {RISK_STAGES.map((stage) => {
        const open = page.detectors.filter((d) => d.stage === stage && (page.openByDetector[d.id] ?? 0) > 0);
        return [
          <Typography.Text key={`${stage}-label`} strong style={{ lineHeight: '24px' }}>
            {RISK_STAGE_LABELS[stage]}
          </Typography.Text>,
          <Space key={stage} wrap size={[4, 4]}>
            {open.length === 0 ? (
              <Typography.Text type="secondary" style={{ lineHeight: '24px' }}>
                无待处理
              </Typography.Text>
            ) : (
              open.map((d) => (
                <Button
                  key={d.id}
                  size="small"
                  type={selected === d.id ? 'primary' : 'default'}
                  danger={d.severity === 'high' && selected !== d.id}
                  title={d.explanation}
                  onClick={() => onSelect(selected === d.id ? undefined : d.id)}
                >
                  {d.name} {page.openByDetector[d.id]}
                </Button>
              ))
            )}
          </Space>,
        ];
      })}
    </div>
  );
}
