import { Radio, Select } from 'antd';
import { useRef } from 'react';
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

/** The first field of the application form that the clerk fills (not a read-only 原户名). */
const FIRST_FORM_FIELD = '[data-testid=intake-form] input:not([type=hidden]):not([disabled]):not([readonly])';

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
  const classGroup = useRef<HTMLDivElement>(null);
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
            const cls = allowed.length === 1 ? allowed[0] : allowed.find((c) => c === customerClass);
            onChange(value, cls);
            // On to what comes next, once it is on screen: the class where the type allows several, else the form.
            requestAnimationFrame(() =>
              (cls
                ? document.querySelector<HTMLElement>(FIRST_FORM_FIELD)
                : classGroup.current?.querySelector<HTMLElement>('input[type=radio]')
              )?.focus(),
            );
          }}
        />
      </label>
      <label
        style={{ display: 'flex', gap: 8, alignItems: 'center' }}
        // Arrows choose the class; Enter goes on to the form, as after a type that has one class.
        onKeyDown={(event) => {
          if (event.key !== 'Enter' || !customerClass) return;
          event.preventDefault();
          document.querySelector<HTMLElement>(FIRST_FORM_FIELD)?.focus();
        }}
      >
        <span>用户分类</span>
        <Radio.Group
          ref={classGroup}
          aria-label="用户分类"
          value={customerClass}
          onChange={(event) => onChange(businessType, event.target.value as CustomerClass)}
          options={classes.map((c) => ({ value: c, label: CUSTOMER_CLASS_LABELS[c] }))}
        />
      </label>
    </div>
  );
}
