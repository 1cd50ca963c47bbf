import { Input, InputNumber } from 'antd';
import type { CustomerClass } from '../../../../shared/domain/codes';
import type { RuleProfile } from '../../../../shared/rules';
import { Field } from '../../forms/Field';
import { ListOf } from '../../forms/ListOf';
import { CodeSelect } from '../../forms/CodeSelect';
import { voltageOptions } from '../../forms/options';
import { FormSection } from './FormSection';

/**
 * 用电需求: voltage and capacity. Low voltage is declared in kW, high voltage as transformers in kVA
 * (plus HV motors in kW), REFERENCE.md §5.2.
 */
export function SupplySection({
  customerClass,
  profile,
}: {
  customerClass: CustomerClass;
  /** The province profile in force: only its supply voltages are offered. */
  profile: RuleProfile | undefined;
}) {
  const hv = customerClass === 'HV';
  return (
    <FormSection title="用电需求" testId="section-supply">
      <Field name={['voltageCode']} required>
        <CodeSelect options={voltageOptions(profile, hv)} />
      </Field>
      {hv ? (
        <Field name={['requestedCapacityKva']} required>
          <InputNumber min={0} precision={0} addonAfter="kVA" style={{ width: '100%' }} />
        </Field>
      ) : (
        <Field name={['requestedCapacityKw']} required>
          <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
        </Field>
      )}
      <Field name={['maxDemandKw']}>
        <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
      </Field>
      {hv ? (
        <Field name={['hvMotorKw']}>
          <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
        </Field>
      ) : (
        <Field name={['singlePhaseEquipmentKw']}>
          <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
        </Field>
      )}
      <Field name={['applicationDate']} required>
        <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
      </Field>
      <Field name={['desiredConnectionDate']}>
        <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
      </Field>
      {hv && <TransformerList />}
    </FormSection>
  );
}

function TransformerList() {
  return (
    <ListOf name="transformers" add={{ count: 1 }} addLabel="添加变压器" columns={2}>
      {(index) => (
        <>
          <Field
            name={[index, 'ratingKva']}
            problemPath={`transformers.${index}.ratingKva`}
            label={`变压器 ${index + 1} 容量`}
          >
            <InputNumber min={0} precision={0} addonAfter="kVA" style={{ width: '100%' }} />
          </Field>
          <Field name={[index, 'count']} problemPath={`transformers.${index}.count`} label="台数">
            <InputNumber min={1} precision={0} addonAfter="台" style={{ width: '100%' }} />
          </Field>
        </>
      )}
    </ListOf>
  );
}
