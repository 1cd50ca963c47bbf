import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { SchemeSource } from '../../../../shared/domain/scheme';
import { HIGH_RELIABILITY_FEE, gridSources } from '../../../../shared/domain/schemeChecks';
import {
  CAPACITY_CHARGE_BASIS_LABELS,
  IMPORTANCE_LABELS,
  LOAD_GRADE_LABELS,
  METERING_METHOD_LABELS,
  POWER_FACTOR_LABELS,
  TARIFF_STRUCTURE_LABELS,
} from '../../../../shared/domain/labels';
import { SOURCE_NATURE_LABELS } from '../../../../shared/domain/schemeLabels';
import { CodeSelect } from '../../forms/CodeSelect';
import { Field } from '../../forms/Field';
import { ListOf } from '../../forms/ListOf';
import { optionsOf, tariffCategoryOptions, voltageOptions } from '../../forms/options';
import { useProfileInForce } from '../../shell/useProfileInForce';
import { ProblemList } from '../../forms/ProblemList';
import { useFieldProblems } from '../../forms/ProblemContext';
import { YuanInput } from '../../forms/YuanInput';
import { FormSection } from '../intake/FormSection';

/** The next item number of a list numbered '1', '2', … (a removed row leaves its number unused). */
function nextNo(items: readonly Record<string, unknown>[]): string {
  return String(Math.max(0, ...items.map((item) => Number(item.no) || 0)) + 1);
}

/**
 * The parts of a scheme a clerk settles after the survey: voltage and capacity, the supply sources with their
 * ownership boundary, the metering points and the billing. Everything else keeps the proposal's value.
 */
export function SchemeForm({ hv }: { hv: boolean }) {
  const profile = useProfileInForce();
  const form = Form.useFormInstance();
  const sources = (Form.useWatch('sources', form) as SchemeSource[] | undefined) ?? [];
  const feeProblems = useFieldProblems('fees');
  return (
    <>
      <FormSection title="方案概要">
        <Field name={['schemeNo']} label="方案编号" required>
          <Input maxLength={32} />
        </Field>
        <Field name={['replyDate']} label="答复日期" required>
          <Input maxLength={10} placeholder="YYYY-MM-DD" />
        </Field>
        <Field name={['validityMonths']} label="方案有效期" required>
          <InputNumber min={1} max={24} addonAfter="个月" style={{ width: '100%' }} />
        </Field>
        <Field name={['threeZero']} label="三零服务" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Field>
        <Field name={['voltageCode']} label="核定供电电压" required>
          <CodeSelect options={voltageOptions(profile, hv)} />
        </Field>
        {hv ? (
          <Field name={['approvedCapacityKva']} label="核定容量（kVA）" required>
            <InputNumber min={0} addonAfter="kVA" style={{ width: '100%' }} />
          </Field>
        ) : (
          <Field name={['approvedCapacityKw']} label="核定容量（kW）" required>
            <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
          </Field>
        )}
        <Field name={['expectedMonthlyKwh']} label="预计月用电量">
          <InputNumber min={0} addonAfter="kWh" style={{ width: '100%' }} />
        </Field>
        {hv && (
          <>
            <Field name={['receiving', 'pointType']} label="受电点类型" required>
              <Input maxLength={32} />
            </Field>
            <Field name={['receiving', 'mainWiring']} label="主接线方式" required span={3}>
              <Input maxLength={256} placeholder="如 10 kV 单母线，一路进线" />
            </Field>
          </>
        )}
        <Field name={['loadGrade']} label="负荷等级" required>
          <CodeSelect options={optionsOf(LOAD_GRADE_LABELS)} />
        </Field>
        <Field name={['importance']} label="拟定客户分级" required>
          <CodeSelect options={optionsOf(IMPORTANCE_LABELS)} />
        </Field>
      </FormSection>
      <FormSection title="供电电源">
        <ListOf
          name="sources"
          add={(items) => ({
            no: nextNo(items),
            nature: '10',
            substation: '',
            line: '',
            voltageCode: form.getFieldValue('voltageCode') as string | undefined,
            boundaryPoint: '',
          })}
          addLabel="添加电源"
        >
          {(index) => (
            <>
              <Field name={[index, 'nature']} problemPath={`sources.${index}.nature`} label={`电源 ${index + 1} 性质`}>
                <CodeSelect options={optionsOf(SOURCE_NATURE_LABELS)} />
              </Field>
              <Field name={[index, 'substation']} problemPath={`sources.${index}.substation`} label="电源变电站">
                <Input maxLength={128} />
              </Field>
              <Field name={[index, 'line']} problemPath={`sources.${index}.line`} label="线路及间隔">
                <Input maxLength={128} />
              </Field>
              <Field name={[index, 'capacityKva']} problemPath={`sources.${index}.capacityKva`} label="供电容量">
                <InputNumber min={0} addonAfter="kVA" style={{ width: '100%' }} />
              </Field>
              <Field
                name={[index, 'boundaryPoint']}
                problemPath={`sources.${index}.boundaryPoint`}
                label="产权分界点"
                span={4}
              >
                <Input maxLength={256} />
              </Field>
            </>
          )}
        </ListOf>
      </FormSection>
      <FormSection title="计量与电价">
        <ListOf
          name="metering"
          add={(items) => ({
            no: nextNo(items),
            method: hv ? '1' : '3',
            position: '',
            tariffCategory: form.getFieldValue(['billing', 'tariffCategory']) as string | undefined,
            meterAccuracy: '',
            meterSpec: '',
          })}
          addLabel="添加计量点"
        >
          {(index) => (
            <>
              <Field
                name={[index, 'method']}
                problemPath={`metering.${index}.method`}
                label={`计量点 ${index + 1} 方式`}
              >
                <CodeSelect options={optionsOf(METERING_METHOD_LABELS)} />
              </Field>
              <Field name={[index, 'position']} problemPath={`metering.${index}.position`} label="安装位置" span={2}>
                <Input maxLength={256} />
              </Field>
              <Field name={[index, 'ctRatio']} problemPath={`metering.${index}.ctRatio`} label="电流互感器变比">
                <Input maxLength={16} placeholder="如 200/5" />
              </Field>
              <Field name={[index, 'meterAccuracy']} problemPath={`metering.${index}.meterAccuracy`} label="电能表精度">
                <Input maxLength={16} placeholder="如 0.5S" />
              </Field>
              <Field name={[index, 'ctAccuracy']} problemPath={`metering.${index}.ctAccuracy`} label="电流互感器精度">
                <Input maxLength={16} placeholder="如 0.2S" />
              </Field>
              <Field
                name={[index, 'meterSpec']}
                problemPath={`metering.${index}.meterSpec`}
                label="电能表规格及接线"
                span={2}
              >
                <Input maxLength={128} />
              </Field>
              <Field
                name={[index, 'atBoundary']}
                problemPath={`metering.${index}.atBoundary`}
                label="装于产权分界处"
                valuePropName="checked"
              >
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Field>
              <Field
                name={[index, 'lossAgreement']}
                problemPath={`metering.${index}.lossAgreement`}
                label="线损、变损承担约定"
                span={3}
              >
                <Input maxLength={256} placeholder="不在分界处时填写，如 变损按月计入客户电量" />
              </Field>
            </>
          )}
        </ListOf>
        <Field name={['billing', 'tariffCategory']} label="电价类别" required>
          <CodeSelect options={tariffCategoryOptions(profile)} />
        </Field>
        <Field name={['billing', 'structure']} label="电价制度" required>
          <Select options={optionsOf(TARIFF_STRUCTURE_LABELS)} />
        </Field>
        <Field name={['billing', 'capacityChargeBasis']} label="基本电费计费方式">
          <Select options={optionsOf(CAPACITY_CHARGE_BASIS_LABELS)} allowClear />
        </Field>
        <Field name={['billing', 'powerFactorStandard']} label="功率因数考核标准" required>
          <Select options={optionsOf(POWER_FACTOR_LABELS)} />
        </Field>
        {hv && (
          <Field name={['collectionTerminal']} label="用电信息采集终端" required span={2}>
            <Input maxLength={64} />
          </Field>
        )}
      </FormSection>
      <FormSection title="营业费用">
        {feeProblems.length > 0 && (
          <div style={{ gridColumn: 'span 4' }}>
            <ProblemList problems={feeProblems} testId="problems-fees" />
          </div>
        )}
        <ListOf
          name="fees"
          columns={5}
          add={{
            name: gridSources({ sources }).length >= 2 ? HIGH_RELIABILITY_FEE : '',
            quantity: form.getFieldValue(hv ? 'approvedCapacityKva' : 'approvedCapacityKw') as number | undefined,
            unit: hv ? 'kVA' : 'kW',
            basis: '',
          }}
          addLabel="添加费用"
        >
          {(index) => (
            <>
              <Field name={[index, 'name']} problemPath={`fees.${index}.name`} label={`费用 ${index + 1} 名称`}>
                <Input maxLength={64} />
              </Field>
              <Field name={[index, 'unitPriceFen']} problemPath={`fees.${index}.unitPriceFen`} label="单价">
                <YuanInput />
              </Field>
              <Field name={[index, 'quantity']} problemPath={`fees.${index}.quantity`} label="数量/容量">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Field>
              <Field name={[index, 'unit']} problemPath={`fees.${index}.unit`} label="计量单位">
                <Input maxLength={16} />
              </Field>
              <Field name={[index, 'amountFen']} problemPath={`fees.${index}.amountFen`} label="应收金额">
                <YuanInput />
              </Field>
              <Field name={[index, 'basis']} problemPath={`fees.${index}.basis`} label="收费依据" span={5}>
                <Input maxLength={256} placeholder="价格主管部门的收费文件" />
              </Field>
            </>
          )}
        </ListOf>
        {gridSources({ sources }).length >= 2 && (
          <Field name={['highReliabilityFeeWaiver']} label="不收取高可靠性供电费的理由" span={4}>
            <Input maxLength={256} placeholder="如第二路电源为客户自备电源" />
          </Field>
        )}
      </FormSection>
      <FormSection title="工程与技术要求">
        <Field name={['customerWorks']} label="客户受电工程（每行一项）" span={2} lines>
          <Input.TextArea rows={3} />
        </Field>
        <Field name={['gridWorks']} label="电网配套工程（每行一项）" span={2} lines>
          <Input.TextArea rows={3} />
        </Field>
        <Field name={['technicalRequirements']} label="技术要求（每行一项）" span={4} lines>
          <Input.TextArea rows={3} />
        </Field>
        <Field name={['remarks']} label="备注" span={4}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Field>
      </FormSection>
    </>
  );
}
