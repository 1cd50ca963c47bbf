import { Select, Space } from 'antd';
import type { StatsFilter } from '../../../../shared/api/stats';
import {
  BUSINESS_TYPES,
  BUSINESS_TYPE_INFO,
  TIME_LIMIT_CLASSES,
  TIME_LIMIT_CLASS_LABELS,
} from '../../../../shared/domain/codes';
import { DateFilterInput } from '../../components/DateFilterInput';

/** 受理日期 period, business types and time-limit classes: the filter of 流程分析 and the simulation. */
export function StatsFilterBar({ value, onChange }: { value: StatsFilter; onChange: (next: StatsFilter) => void }) {
  const set = (patch: Partial<StatsFilter>) => {
    const next: Record<string, unknown> = { ...value, ...patch };
    for (const key of Object.keys(next)) {
      const v = next[key];
      if (v === '' || v === undefined || (Array.isArray(v) && v.length === 0)) delete next[key];
    }
    onChange(next as StatsFilter);
  };
  return (
    <Space wrap data-testid="stats-filters">
      <DateFilterInput
        label="受理日期起"
        addon="受理日期起"
        value={value.from}
        onChange={(from) => set({ from })}
        width={230}
      />
      <DateFilterInput label="受理日期止" addon="止" value={value.to} onChange={(to) => set({ to })} width={170} />
      <Select
        mode="multiple"
        allowClear
        aria-label="业务类型"
        placeholder="全部业务类型"
        style={{ minWidth: 220 }}
        value={value.businessTypes ?? []}
        onChange={(businessTypes) => set({ businessTypes })}
        options={BUSINESS_TYPES.map((t) => ({ value: t, label: BUSINESS_TYPE_INFO[t].label }))}
        maxTagCount="responsive"
      />
      <Select
        mode="multiple"
        allowClear
        aria-label="时限分类"
        placeholder="全部分类"
        style={{ minWidth: 200 }}
        value={value.timeLimitClasses ?? []}
        onChange={(timeLimitClasses) => set({ timeLimitClasses })}
        options={TIME_LIMIT_CLASSES.map((c) => ({ value: c, label: TIME_LIMIT_CLASS_LABELS[c] }))}
        maxTagCount="responsive"
      />
    </Space>
  );
}
