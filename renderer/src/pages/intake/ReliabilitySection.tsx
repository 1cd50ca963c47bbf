import { Button, Form, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  IMPORTANCE_LABELS,
  LOAD_GRADE_LABELS,
  METERING_METHOD_LABELS,
  SUPPLY_NATURE_LABELS,
} from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
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
      <SupplyList />
    </FormSection>
  );
}

function SupplyList() {
  return (
    <div style={{ gridColumn: 'span 4' }}>
      <Form.List name="supplies">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <div key={item.key} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr auto', columnGap: 16 }}>
                <Field
                  name={[item.name, 'nature']}
                  problemPath={`supplies.${item.name}.nature`}
                  label={`电源 ${item.name + 1} 性质`}
                >
                  <CodeSelect options={optionsOf(SUPPLY_NATURE_LABELS)} />
                </Field>
                <Field name={[item.name, 'substation']} problemPath={`supplies.${item.name}.substation`} label="变电站">
                  <Input maxLength={128} autoComplete="off" />
                </Field>
                <Field name={[item.name, 'line']} problemPath={`supplies.${item.name}.line`} label="线路">
                  <Input maxLength={128} autoComplete="off" />
                </Field>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`删除电源 ${item.name + 1}`}
                  onClick={() => remove(item.name)}
                  style={{ marginTop: 30 }}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ nature: 'MAIN' })} style={{ marginBottom: 16 }}>
              添加电源
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
