import { App, Form, Input, InputNumber, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import type { AccountLookup } from '../../../../shared/api/accounts';
import type { BusinessType, CustomerClass } from '../../../../shared/domain/codes';
import { ID_TYPE_LABELS, TARIFF_CATEGORY_LABELS } from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
import { ListOf } from '../../forms/ListOf';
import { CodeSelect } from '../../forms/CodeSelect';
import { existingVoltageOptions, optionsOf } from '../../forms/options';
import { DEFAULT_ID_TYPE } from './CustomerSection';
import { carriedService, type CarriedField } from './carriedService';
import { FormSection } from './FormSection';

/** 过户: the account's owner as found, kept read-only beside the new owner the clerk types. */
function holderOf(customer: AccountLookup['customer']) {
  return {
    name: customer.name,
    idType: customer.idType,
    idNumber: customer.idNumber,
    ...(customer.legalRep?.name ? { legalRepName: customer.legalRep.name } : {}),
  };
}

/** 原用电信息: for changes to an existing service, the account and what it has today. */
export function ExistingServiceSection({
  businessType,
  customerClass,
  oldSiteClosed,
  temporaryExtension = false,
  transfer = false,
  merge = false,
  settlement = false,
  onPrefilled,
}: {
  businessType: BusinessType;
  customerClass: CustomerClass;
  /** 迁址: the old site is closed by a 销户 accepted with it, which needs the old address. */
  oldSiteClosed: boolean;
  /** 临时用电延期: the supply's start and current end, which R-CHG-19's 3-year cap counts from. */
  temporaryExtension?: boolean;
  /** 过户: the account's owner is shown as 原户主, and the new owner is typed into an empty 客户信息. */
  transfer?: boolean;
  /** 并户: the accounts merged into this one, with their capacities (R-CHG-15). */
  merge?: boolean;
  /** 销户/过户: the 终止协议 states the final reading and the deposit, and is refused until they are recorded. */
  settlement?: boolean;
  /** Called after the form was filled from the account, so the page re-checks the record. */
  onPrefilled: () => void;
}) {
  const hv = customerClass === 'HV';
  const form = Form.useFormInstance();
  const { message } = App.useApp();
  /** The 户号 whose customer and site are in the form, so a failed look-up afterwards takes them out again. */
  const [prefilledFrom, setPrefilledFrom] = useState<string>();
  /** The request's fields that look-up filled from the service, so a failed look-up afterwards takes them out too. */
  const [carried, setCarried] = useState<CarriedField[]>([]);
  // Not a field of its own: `preserve` watches the stored value.
  const holderIdType = Form.useWatch(['existing', 'holder', 'idType'], { form, preserve: true }) as
    keyof typeof ID_TYPE_LABELS | undefined;

  /** An empty 客户信息 of the same kind: the default 证件类型 stays, nothing of anyone's identity. */
  const emptyCustomer = (kind: 'PERSON' | 'ORG') =>
    form.setFieldValue(['customer'], { kind, idType: DEFAULT_ID_TYPE[kind] });

  /** Empties what the last look-up carried over, where it still holds that value (what the clerk typed stays). */
  const dropCarried = () => {
    for (const [path, value] of carried) {
      if (JSON.stringify(form.getFieldValue(path)) === JSON.stringify(value)) form.setFieldValue(path, undefined);
    }
  };

  const lookUp = async (accountNo: string) => {
    if (!accountNo.trim()) return;
    const result = await api.accounts.lookup({ accountNo });
    if (!result.ok) {
      if (prefilledFrom === undefined) {
        message.warning(result.error.message);
        return;
      }
      // What the previous account filled in is not this account's: out with it, so nobody saves it by mistake.
      emptyCustomer((form.getFieldValue(['customer', 'kind']) as 'PERSON' | 'ORG' | undefined) ?? 'PERSON');
      form.setFieldValue(['site'], undefined);
      form.setFieldValue(['existing'], undefined);
      dropCarried();
      setCarried([]);
      setPrefilledFrom(undefined);
      onPrefilled();
      message.warning(`${result.error.message}已清除按户号 ${prefilledFrom} 带出的客户与地址。`);
      return;
    }
    const found = result.value;
    form.setFieldsValue({ site: found.site });
    form.setFieldValue(
      ['existing'],
      transfer ? { ...found.existing, holder: holderOf(found.customer) } : found.existing,
    );
    if (transfer) emptyCustomer(found.customer.kind);
    else form.setFieldValue(['customer'], found.customer);
    const isEmpty = (path: (string | number)[]) => {
      const value: unknown = form.getFieldValue(path);
      return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    };
    dropCarried();
    const filled = carriedService(businessType, found.existing, isEmpty);
    for (const [path, value] of filled) form.setFieldValue(path, value);
    setCarried(filled);
    setPrefilledFrom(found.accountNo);
    onPrefilled();
    const prefilled = filled.length > 0 ? '；用电需求与电价已按原用电预填' : '';
    message.success(
      transfer
        ? `已按 ${found.sourceNumber} 带出原户主与原用电信息${prefilled}；请在客户信息中录入新户主。`
        : `已按 ${found.sourceNumber} 带出客户与原用电信息${prefilled}，请与客户核对。`,
    );
    if (found.openApplications.length > 0) {
      message.warning(`该户号尚有在途申请：${found.openApplications.join('、')}，不能重复受理。`);
    }
  };
  return (
    <FormSection title="原用电信息" testId="section-existing">
      {transfer && (
        <>
          <Field name={['existing', 'holder', 'name']} label="原户名" span={2}>
            <Input readOnly variant="filled" placeholder="查询户号后带出" />
          </Field>
          <Field
            name={['existing', 'holder', 'idNumber']}
            label={holderIdType ? `原证件（${ID_TYPE_LABELS[holderIdType]}）` : '原证件'}
          >
            <Input readOnly variant="filled" style={{ fontFamily: 'monospace' }} />
          </Field>
          <Field name={['existing', 'holder', 'legalRepName']} label="原法定代表人">
            <Input readOnly variant="filled" />
          </Field>
        </>
      )}
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
        <CodeSelect options={existingVoltageOptions(hv)} allowClear />
      </Field>
      <Field name={['existing', 'tariffCategory']} label="原电价类别">
        <CodeSelect options={optionsOf(TARIFF_CATEGORY_LABELS)} allowClear />
      </Field>
      <Field name={['existing', 'address']} label="原用电地址" span={2} required={oldSiteClosed}>
        <Input maxLength={512} autoComplete="off" />
      </Field>
      {(oldSiteClosed || merge) && (
        <>
          <Field name={['existing', 'supplyPoint']} label="原供电点">
            <Input maxLength={128} autoComplete="off" placeholder="台区或线路" />
          </Field>
          <Field name={['site', 'supplyPoint']} label={oldSiteClosed ? '新址供电点' : '供电点'}>
            <Input maxLength={128} autoComplete="off" placeholder="台区或线路" />
          </Field>
        </>
      )}
      {merge && (
        <ListOf name={['existing', 'mergedAccounts']} add={{ accountNo: '' }} addLabel="添加并入户" columns={4}>
          {(index) => (
            <>
              <Field
                name={[index, 'accountNo']}
                problemPath={`existing.mergedAccounts.${index}.accountNo`}
                label={`并入户 ${index + 1} 户号`}
              >
                <Input maxLength={16} autoComplete="off" inputMode="numeric" />
              </Field>
              <Field
                name={[index, hv ? 'capacityKva' : 'capacityKw']}
                problemPath={`existing.mergedAccounts.${index}.${hv ? 'capacityKva' : 'capacityKw'}`}
                label={`并入户 ${index + 1} 容量`}
              >
                <InputNumber min={0} addonAfter={hv ? 'kVA' : 'kW'} style={{ width: '100%' }} />
              </Field>
            </>
          )}
        </ListOf>
      )}
      <Field name={['existing', 'arrearsFen']} label="欠费">
        <InputNumber min={0} precision={0} addonAfter="分" style={{ width: '100%' }} />
      </Field>
      {settlement && (
        <>
          <Field name={['existing', 'finalMeterReading']} label="最终抄见示数">
            <InputNumber min={0} addonAfter="kWh" style={{ width: '100%' }} />
          </Field>
          <Field name={['existing', 'depositFen']} label="保证金（预收电费）">
            <InputNumber min={0} precision={0} addonAfter="分" style={{ width: '100%' }} />
          </Field>
        </>
      )}
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
