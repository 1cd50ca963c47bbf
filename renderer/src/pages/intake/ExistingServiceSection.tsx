import { App, Form, Input, InputNumber, Switch } from 'antd';
import { api } from '../../api';
import type { CustomerClass } from '../../../../shared/domain/codes';
import { TARIFF_CATEGORY_LABELS, VOLTAGE_LABELS } from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
import { CodeSelect } from '../../forms/CodeSelect';
import { optionsOf } from '../../forms/options';
import { FormSection } from './FormSection';

/** 原用电信息: for changes to an existing service, the account and what it has today. */
export function ExistingServiceSection({
  customerClass,
  oldSiteClosed,
  temporaryExtension = false,
  onPrefilled,
}: {
  customerClass: CustomerClass;
  /** 迁址: the old site is closed by a 销户 accepted with it, which needs the old address. */
  oldSiteClosed: boolean;
  /** 临时用电延期: the supply's start and current end, which R-CHG-19's 3-year cap counts from. */
  temporaryExtension?: boolean;
  /** Called after the form was filled from the account, so the page re-checks the record. */
  onPrefilled: () => void;
}) {
  const hv = customerClass === 'HV';
  const form = Form.useFormInstance();
  const { message } = App.useApp();

  const lookUp = async (accountNo: string) => {
    if (!accountNo.trim()) return;
    const result = await api.accounts.lookup({ accountNo });
    if (!result.ok) {
      message.warning(result.error.message);
      return;
    }
    const found = result.value;
    form.setFieldsValue({ customer: found.customer, site: found.site, existing: found.existing });
    onPrefilled();
    message.success(`已按 ${found.sourceNumber} 带出客户与原用电信息，请与客户核对。`);
    if (found.openApplications.length > 0) {
      message.warning(`该户号尚有在途申请：${found.openApplications.join('、')}，不能重复受理。`);
    }
  };
  return (
    <FormSection title="原用电信息" testId="section-existing">
      <Field name={['accountNo']} required>
        <Input.Search
          maxLength={16}
          autoComplete="off"
          inputMode="numeric"
          placeholder="10 位或 13 位户号，回车查询"
          enterButton="查询"
          onSearch={(value) => void lookUp(value)}
        />
      </Field>
      <Field name={['accountExternal']} label="户号来自外部系统" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Field>
      {hv ? (
        <Field name={['existing', 'capacityKva']} label="原合同容量（kVA）">
          <InputNumber min={0} addonAfter="kVA" style={{ width: '100%' }} />
        </Field>
      ) : (
        <Field name={['existing', 'capacityKw']} label="原合同容量（kW）">
          <InputNumber min={0} addonAfter="kW" style={{ width: '100%' }} />
        </Field>
      )}
      <Field name={['existing', 'voltageCode']} label="原供电电压">
        <CodeSelect options={optionsOf(VOLTAGE_LABELS)} allowClear />
      </Field>
      <Field name={['existing', 'tariffCategory']} label="原电价类别">
        <CodeSelect options={optionsOf(TARIFF_CATEGORY_LABELS)} allowClear />
      </Field>
      <Field name={['existing', 'address']} label="原用电地址" span={2} required={oldSiteClosed}>
        <Input maxLength={512} autoComplete="off" />
      </Field>
      <Field name={['existing', 'arrearsFen']} label="欠费">
        <InputNumber min={0} precision={0} addonAfter="分" style={{ width: '100%' }} />
      </Field>
      {temporaryExtension && (
        <>
          <Field name={['existing', 'temporaryStartDate']} label="临时用电开始日期" required>
            <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
          </Field>
          <Field name={['existing', 'temporaryEndDate']} label="临时用电到期日">
            <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
          </Field>
        </>
      )}
      <Field name={['effectiveDate']}>
        <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
      </Field>
      <Field name={['endDate']}>
        <Input placeholder="YYYY-MM-DD" maxLength={10} autoComplete="off" />
      </Field>
    </FormSection>
  );
}
