import { Input, InputNumber, Switch } from 'antd';
import {
  IMPORTANCE_LABELS,
  LOAD_GRADE_LABELS,
  METERING_METHOD_LABELS,
  SUPPLY_NATURE_LABELS,
} from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
import { ListOf } from '../../forms/ListOf';
import { CodeSelect } from '../../forms/CodeSelect';
import { optionsOf } from '../../forms/options';
import { FormSection } from './FormSection';

/** 负荷等级与电源、计量: load grade, importance, supply sources, security load, metering (REFERENCE.md §5.3.4–5). */
export function ReliabilitySection() {
  return (
    <FormSection title="负荷等级、电源与计量" testId="section-reliability">
      <Field name={['loadGrade']}>
        <CodeSelect options={optionsOf(LOAD_GRADE_LABELS)} allowClear />
      </Field>
      <Field name={['importance']}>
        <CodeSelect options={optionsOf(IMPORTANCE_LABELS)} allowClear />
      </Field>
      <Field name={['securityLoadKw']}>
        <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
      </Field>
      <Field name={['emergencySourceKw']}>
        <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
      </Field>
      <Field name={['separateCircuits', 'importantFromOrdinary']} valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Field>
      <Field name={['separateCircuits', 'productionFromLiving']} valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Field>
      <Field name={['metering', 'method']}>
        <CodeSelect options={optionsOf(METERING_METHOD_LABELS)} allowClear />
      </Field>
      <Field name={['metering', 'ctRatio']}>
        <Input maxLength={16} placeholder="如 400/5" autoComplete="off" />
      </Field>
      <Field name={['metering', 'ptRatio']}>
        <Input maxLength={16} placeholder="如 10000/100" autoComplete="off" />
      </Field>
      <Field name={['metering', 'overallMultiplier']}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Field>
      <Field name={['metering', 'expectedMonthlyKwh']}>
        <InputNumber min={0} addonAfter="kWh" style={{ width: '100%' }} />
      </Field>
      <SupplyList />
    </FormSection>
  );
}

function SupplyList() {
  return (
    <ListOf name="supplies" add={{ nature: 'MAIN' }} addLabel="添加电源" columns={3}>
      {(index) => (
        <>
          <Field name={[index, 'nature']} problemPath={`supplies.${index}.nature`} label={`电源 ${index + 1} 性质`}>
            <CodeSelect options={optionsOf(SUPPLY_NATURE_LABELS)} />
          </Field>
          <Field name={[index, 'substation']} problemPath={`supplies.${index}.substation`} label="变电站">
            <Input maxLength={128} autoComplete="off" />
          </Field>
          <Field name={[index, 'line']} problemPath={`supplies.${index}.line`} label="线路">
            <Input maxLength={128} autoComplete="off" />
          </Field>
        </>
      )}
    </ListOf>
  );
}
