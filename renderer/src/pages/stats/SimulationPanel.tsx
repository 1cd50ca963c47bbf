import { Alert, Button, Card, Descriptions, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SimulationResult, StatsFilter } from '../../../../shared/api/stats';
import { SCENARIOS, SCENARIO_LABELS, type Scenario, type Estimate } from '../../../../shared/stats/simulation';
import { api } from '../../api';

const interval = ([lo, hi]: [number, number]) => `[${lo}, ${hi}]`;
const line = (e: Estimate) => `中位数 ${e.median} ${interval(e.medianCi)}，P90 ${e.p90} ${interval(e.p90Ci)}`;

/** 模拟分析: one scenario against the baseline, with its intervals and assumptions stated. */
export function SimulationPanel({ filter }: { filter: StatsFilter }) {
  const [scenario, setScenario] = useState<Scenario>('merge-survey');
  const [runs, setRuns] = useState(10_000);
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const answer = await api.stats.simulate({ scenario, runs, filter });
    setBusy(false);
    setProblem(answer.ok ? null : answer.error.message);
    setResult(answer.ok ? answer.value : null);
  };
  return (
    <Card size="small" title="模拟分析（蒙特卡洛）">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="模拟方案"
          style={{ width: 240 }}
          value={scenario}
          onChange={setScenario}
          options={SCENARIOS.map((s) => ({ value: s, label: SCENARIO_LABELS[s] }))}
        />
        <InputNumber
          aria-label="模拟次数"
          addonBefore="模拟次数"
          min={100}
          max={100_000}
          step={1000}
          value={runs}
          onChange={(v) => setRuns(v ?? 10_000)}
        />
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="simulate">
          运行模拟
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} />}
      {result && result.runs === 0 && <Alert type="info" showIcon title="没有已归档的申请，无法模拟。" />}
      {result && result.runs > 0 && (
        <div data-testid="simulation-result">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="实际（已归档申请）">{`中位数 ${result.observed.median}，P90 ${result.observed.p90} 工作日（${result.sampleApplications} 件）`}</Descriptions.Item>
            <Descriptions.Item label="基线模拟">{line(result.baseline)}</Descriptions.Item>
            <Descriptions.Item label={result.label}>{line(result.changed)}</Descriptions.Item>
            <Descriptions.Item label="变化（工作日，95% 置信区间）">{line(result.change)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }} strong>
            {`假设（模拟 ${result.runs} 次，随机种子 ${result.seed}）：`}
          </Typography.Paragraph>
          <ul style={{ margin: 0 }}>
            {result.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
