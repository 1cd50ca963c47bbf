import { Checkbox, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import {
  ASSIGNEE_ME,
  LIST_ORDER_LABELS,
  type ApplicationFilterInput,
  type ListOrder,
} from '../../../../shared/api/applications';
import {
  APPLICATION_STATUS_LABELS,
  BUSINESS_TYPE_INFO,
  BUSINESS_TYPES,
  CUSTOMER_CLASS_LABELS,
  STAGE_LABELS,
} from '../../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS } from '../../../../shared/workflow/clock';
import { optionsOf } from '../../forms/options';

const TYPE_OPTIONS = BUSINESS_TYPES.map((code) => ({ value: code, label: BUSINESS_TYPE_INFO[code].label }));

/** Search box and filters of 申请查询; every change re-queries from the first page. */
export function QueryFilters({
  text,
  filters,
  onText,
  onFilters,
}: {
  text: string;
  filters: ApplicationFilterInput;
  onText: (text: string) => void;
  onFilters: (filters: ApplicationFilterInput) => void;
}) {
  // The box is edited freely and searched on Enter; a saved filter replaces its text from outside.
  const [draft, setDraft] = useState(text);
  useEffect(() => setDraft(text), [text]);
  const set = <K extends keyof ApplicationFilterInput>(key: K, value: ApplicationFilterInput[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onFilters(next);
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label="搜索"
        placeholder="户名、证件号码、电话、地址或申请编号"
        allowClear
        // The search channel's limit; the route drops a longer text.
        maxLength={100}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onSearch={onText}
        style={{ width: 400 }}
        enterButton="搜索"
      />
      <MultiFilter
        label="环节"
        width={150}
        value={filters.stages}
        options={optionsOf(STAGE_LABELS)}
        onChange={(v) => set('stages', v as ApplicationFilterInput['stages'])}
      />
      <MultiFilter
        label="业务类型"
        width={170}
        value={filters.businessTypes}
        options={TYPE_OPTIONS}
        onChange={(v) => set('businessTypes', v as ApplicationFilterInput['businessTypes'])}
      />
      <MultiFilter
        label="用户分类"
        width={130}
        value={filters.customerClasses}
        options={optionsOf(CUSTOMER_CLASS_LABELS)}
        onChange={(v) => set('customerClasses', v as ApplicationFilterInput['customerClasses'])}
      />
      <MultiFilter
        label="状态"
        width={130}
        value={filters.statuses}
        options={optionsOf(APPLICATION_STATUS_LABELS)}
        onChange={(v) => set('statuses', v as ApplicationFilterInput['statuses'])}
      />
      <Select
        aria-label="时限状态"
        allowClear
        placeholder="时限状态"
        style={{ width: 120 }}
        value={filters.deadline}
        options={optionsOf(DEADLINE_STATE_LABELS)}
        onChange={(v) => set('deadline', v)}
      />
      <Select<ListOrder>
        aria-label="排序"
        style={{ width: 150 }}
        value={filters.order ?? 'newest'}
        options={optionsOf(LIST_ORDER_LABELS)}
        onChange={(v) => set('order', v === 'newest' ? undefined : v)}
      />
      <Checkbox
        checked={filters.assignee === ASSIGNEE_ME}
        onChange={(event) => set('assignee', event.target.checked ? ASSIGNEE_ME : undefined)}
      >
        只看我经办的
      </Checkbox>
    </Space>
  );
}

function MultiFilter({
  label,
  width,
  value,
  options,
  onChange,
}: {
  label: string;
  width: number;
  value: readonly string[] | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string[]) => void;
}) {
  return (
    <Select<string[]>
      aria-label={label}
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={label}
      style={{ minWidth: width }}
      value={value ? [...value] : undefined}
      options={options}
      onChange={onChange}
    />
  );
}
