import { Input, InputNumber, Switch } from 'antd';
import type { CustomerClass } from '../../../../shared/domain/codes';
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  POWER_FACTOR_LABELS,
  TARIFF_STRUCTURE_LABELS,
} from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
import { CodeSelect } from '../../forms/CodeSelect';
import { optionsOf, tariffCategoryOptions } from '../../forms/options';
import type { RuleProfile } from '../../../../shared/rules';
import { FormSection } from './FormSection';

/** 电价: category, single- or two-part, capacity-charge basis (REFERENCE.md §5.3.2). */
export function TariffSection({
  customerClass,
  twoPart,
  profile,
}: {
  customerClass: CustomerClass;
  twoPart: boolean;
  /** The province profile in force: only its tariff categories are offered. */
  profile: RuleProfile | undefined;
}) {
  return (
    <FormSection title="电价与行业" testId="section-tariff">
      <Field name={['tariff', 'category']} required>
        <CodeSelect options={tariffCategoryOptions(profile)} />
      </Field>
      {customerClass !== 'LVR' && (
        <>
          <Field name={['tariff', 'structure']}>
            <CodeSelect options={optionsOf(TARIFF_STRUCTURE_LABELS)} allowClear />
          </Field>
          <Field name={['tariff', 'choiceFormSigned']} label="已签电价选择确认单" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Field>
          <Field name={['powerFactorStandard']}>
            <CodeSelect options={optionsOf(POWER_FACTOR_LABELS)} allowClear />
          </Field>
        </>
      )}
      {twoPart && (
        <>
          <Field name={['tariff', 'capacityChargeBasis']}>
            <CodeSelect options={optionsOf(CAPACITY_CHARGE_BASIS_LABELS)} allowClear />
          </Field>
          <Field name={['tariff', 'contractDemandKw']}>
            <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
          </Field>
        </>
      )}
      <Field name={['industryCode']}>
        <Input maxLength={8} autoComplete="off" placeholder="如 C3811" />
      </Field>
      <Field name={['utilityIndustryCode']} label="行业用电分类">
        <Input maxLength={8} autoComplete="off" />
      </Field>
    </FormSection>
  );
}
