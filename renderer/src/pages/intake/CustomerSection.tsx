import { Input } from 'antd';
import { ID_TYPE_LABELS } from '../../../../shared/domain/labels';
import { Field } from '../../forms/Field';
import { CodeSelect } from '../../forms/CodeSelect';
import { optionsOf } from '../../forms/options';
import { FormSection } from './FormSection';

/** The 证件类型 a new customer of each kind starts with. */
export const DEFAULT_ID_TYPE = { PERSON: 'RIC', ORG: 'USCC' } as const;

const PERSON_ID_TYPES = ['RIC', 'HMT_RESIDENCE_PERMIT', 'FOREIGN_PR', 'PASSPORT'] as const;
const ORG_ID_TYPES = ['USCC', 'ORG_OTHER'] as const;

/** 客户信息: who applies. Organisations also give the legal representative; anyone may send an agent. */
export function CustomerSection({ kind }: { kind: 'PERSON' | 'ORG' | undefined }) {
  return (
    <FormSection title="客户信息" testId="section-customer">
      <Field name={['customer', 'kind']} required>
        <CodeSelect
          options={[
            { value: 'PERSON', label: '自然人' },
            { value: 'ORG', label: '单位' },
          ]}
          showSearch
        />
      </Field>
      <Field name={['customer', 'name']} required span={2}>
        <Input maxLength={256} autoComplete="off" />
      </Field>
      <Field name={['customer', 'idType']} required>
        <CodeSelect options={optionsOf(ID_TYPE_LABELS, kind === 'ORG' ? ORG_ID_TYPES : PERSON_ID_TYPES)} />
      </Field>
      <Field name={['customer', 'idNumber']} required span={2}>
        <Input maxLength={64} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Field>
      <Field name={['customer', 'phone']} required>
        <Input maxLength={32} autoComplete="off" inputMode="tel" />
      </Field>
      <Field name={['customer', 'landline']}>
        <Input maxLength={32} autoComplete="off" inputMode="tel" placeholder="如 025-84567890" />
      </Field>
      {kind === 'ORG' && (
        <>
          <Field name={['customer', 'legalRep', 'name']} label="法定代表人姓名">
            <Input maxLength={256} autoComplete="off" />
          </Field>
          <Field name={['customer', 'legalRep', 'idNumber']} label="法定代表人身份证号码" span={2}>
            <Input maxLength={64} autoComplete="off" style={{ fontFamily: 'monospace' }} />
          </Field>
          <div />
        </>
      )}
      <Field name={['customer', 'agent', 'name']} label="经办人姓名">
        <Input maxLength={256} autoComplete="off" />
      </Field>
      <Field name={['customer', 'agent', 'idNumber']} label="经办人身份证号码" span={2}>
        <Input maxLength={64} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Field>
      <Field name={['customer', 'agent', 'phone']} label="经办人电话">
        <Input maxLength={32} autoComplete="off" inputMode="tel" />
      </Field>
      {/* The contract's party block and notice clause (高压合同): optional at intake. */}
      <Field name={['customer', 'address']} label="通讯地址" span={2}>
        <Input maxLength={512} autoComplete="off" />
      </Field>
      <Field name={['customer', 'email']} label="电子邮箱">
        <Input maxLength={128} autoComplete="off" inputMode="email" />
      </Field>
      <Field name={['customer', 'bankAccount']} label="开户银行及账号" span={2}>
        <Input maxLength={128} autoComplete="off" />
      </Field>
    </FormSection>
  );
}
