import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import type { CustomerPortrait } from '../../../../shared/api/portrait';
import { BUSINESS_TYPE_INFO } from '../../../../shared/domain/codes';
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  TARIFF_CATEGORY_LABELS,
  TARIFF_STRUCTURE_LABELS,
} from '../../../../shared/domain/labels';
import { isRestoration } from '../../../../shared/stats/capacityHistory';
import { capacityTable, flagTable, portraitApplicationsTable } from '../../../../shared/stats/portraitTables';
import { api } from '../../api';
import { downloadFile } from '../application/downloadFile';
import { EChart, type ChartOption } from './EChart';
import { PlainTable } from './ProcessTab';
import { SuggestionTable } from './SuggestionTable';

const label = (labels: Record<string, string>, code: string | null) => (code ? (labels[code] ?? code) : '未记录');

/** The x-axis label of the capacity before the first recorded change (原容量 of the earliest application). */
const BEFORE_FIRST = '原容量';

/**
 * Capacity in force after each application, as steps; kW and kVA on their own series. When the earliest change
 * names the capacity it started from, that comes first, so a single 减容 shows as a step down.
 */
function capacityOption(p: CustomerPortrait): ChartOption {
  const first = p.capacityHistory[0];
  const start = first?.before ?? null;
  const dates = [...new Set(p.capacityHistory.map((c) => c.date))];
  const categories = start === null ? dates : [BEFORE_FIRST, ...dates];
  const series = (['kW', 'kVA'] as const)
    .filter((unit) => p.capacityHistory.some((c) => c.unit === unit))
    .map((unit) => ({
      name: `容量 (${unit})`,
      type: 'line',
      step: 'end',
      symbolSize: 8,
      label: { show: true, position: 'top' },
      data: categories.map((d) =>
        d === BEFORE_FIRST
          ? first?.unit === unit
            ? start
            : null
          : (p.capacityHistory.findLast((c) => c.date === d && c.unit === unit)?.after ?? null),
      ),
      connectNulls: true,
    }));
  return {
    title: { text: '容量变化（每次申请后的容量）', textStyle: { fontSize: 14 }, left: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[]) => {
        const date = categories[params[0]?.dataIndex ?? 0];
        if (date === BEFORE_FIRST) return `${first!.number} 之前：${start} ${first!.unit}`;
        return p.capacityHistory
          .filter((c) => c.date === date)
          .map(
            (c) =>
              `${c.date} ${BUSINESS_TYPE_INFO[c.businessType].label} ${c.number}<br/>${c.before ?? '—'} → ${c.after} ${c.unit}` +
              (isRestoration(c) ? '（恢复至减容/暂停前的容量）' : ''),
          )
          .join('<br/>');
      },
    },
    legend: { top: 30, right: 60 },
    grid: { top: 70, left: 56, right: 24, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: '容量' },
    series,
  };
}

/** 客户画像 of one customer: who, tariff and industry, capacity history, suggestions, applications, risk flags. */
export function PortraitView({ portrait: p, onChanged }: { portrait: CustomerPortrait; onChanged: () => void }) {
  const { message } = App.useApp();
  const option = useMemo(() => capacityOption(p), [p]);
  const exportXlsx = async () => {
    const result = await api.portrait.exportXlsx({ customerId: p.customer.id });
    if (!result.ok) return void message.error(result.error.message);
    downloadFile(result.value);
  };
  const c = p.customer;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="portrait">
      <Descriptions
        size="small"
        bordered
        column={3}
        title={`${c.name}（${c.kind === 'ORG' ? '单位' : '个人'}）`}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
        }
        items={[
          { key: 'id', label: '证件号码', children: c.idNumber },
          { key: 'phone', label: '联系电话', children: c.phone },
          { key: 'rep', label: '法定代表人', children: c.legalRep ?? '—' },
          {
            key: 'tariff',
            label: '电价',
            children: [
              label(TARIFF_CATEGORY_LABELS, p.tariff.category || null),
              p.tariff.structure ? label(TARIFF_STRUCTURE_LABELS, p.tariff.structure) : '',
              p.tariff.capacityChargeBasis ? label(CAPACITY_CHARGE_BASIS_LABELS, p.tariff.capacityChargeBasis) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          },
          { key: 'industry', label: '行业分类', children: p.industryCode ?? '—' },
          {
            key: 'accounts',
            label: '户号',
            children: p.accounts.map((a) => a.accountNo).join('、') || '—',
          },
        ]}
      />
      {p.capacityHistory.length > 0 ? (
        <Card size="small">
          <EChart
            option={option}
            height={260}
            fileName={`容量变化-${c.name}`}
            description={`${c.name}的容量变化`}
            testId="capacity-chart"
          />
          <PlainTable table={capacityTable(p)} testId="portrait-capacity" />
        </Card>
      ) : (
        <Alert type="info" showIcon title="该客户的申请没有记录容量变化。" />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        营销建议（{p.suggestions.length}）
      </Typography.Title>
      <SuggestionTable items={p.suggestions} testId="portrait-suggestions" onChanged={onChanged} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        申请记录（用时为受理至归档的工作日，在办的算到今天）
      </Typography.Title>
      <PlainTable table={portraitApplicationsTable(p)} testId="portrait-applications" />
      <Typography.Title level={5} style={{ margin: 0 }}>
        风险标记（{p.riskFlags.length}）
      </Typography.Title>
      <PlainTable table={flagTable(p.riskFlags)} testId="portrait-flags" />
    </Space>
  );
}
