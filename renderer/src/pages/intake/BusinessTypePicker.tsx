import { Radio, Select } from 'antd';
import {
  BUSINESS_TYPE_INFO,
  BUSINESS_TYPES,
  CUSTOMER_CLASS_LABELS,
  type BusinessType,
  type CustomerClass,
} from '../../../../shared/domain/codes';

/** Shown by their Chinese names; typing a code (NEW_HV) still finds its type. */
const TYPE_OPTIONS = BUSINESS_TYPES.map((code) => ({ value: code, label: BUSINESS_TYPE_INFO[code].label }));

const matches = (input: string, option?: { value: string; label: string }) =>
  Boolean(option && (option.label.includes(input) || option.value.toLowerCase().includes(input.toLowerCase())));

/** First choice of every application: the business type, then the customer class it allows. */
export function BusinessTypePicker({
  businessType,
  customerClass,
  onChange,
}: {
  businessType: BusinessType | undefined;
  customerClass: CustomerClass | undefined;
  onChange: (businessType: BusinessType | undefined, customerClass: CustomerClass | undefined) => void;
}) {
  const classes = businessType ? BUSINESS_TYPE_INFO[businessType].classes : [];
  return (
    <div style={{ display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap' }}>
      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span>业务类型</span>
        <Select
          aria-label="业务类型"
          data-testid="business-type"
          autoFocus
          showSearch={{ filterOption: matches }}
          placeholder="输入“新装”“增容”等筛选"
          style={{ width: 320 }}
          value={businessType}
          options={TYPE_OPTIONS}
          onChange={(value: BusinessType) => {
            const allowed = BUSINESS_TYPE_INFO[value].classes;
            onChange(value, allowed.length === 1 ? allowed[0] : allowed.find((c) => c === customerClass));
          }}
        />
      </label>
      <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <span>用户分类</span>
        <Radio.Group
          aria-label="用户分类"
          value={customerClass}
          onChange={(event) => onChange(businessType, event.target.value as CustomerClass)}
          options={classes.map((c) => ({ value: c, label: CUSTOMER_CLASS_LABELS[c] }))}
        />
      </label>
    </div>
  );
}
