import { Input } from 'antd';
import { Field } from '../../forms/Field';
import { FormSection } from './FormSection';

/** 用电地址: the site. The address must reach the house number (warning otherwise). */
export function SiteSection() {
  return (
    <FormSection title="用电地址" testId="section-site">
      <Field name={['site', 'address']} required span={3}>
        <Input maxLength={512} autoComplete="off" placeholder="省 市 区县 街道 路 门牌号 楼栋 单元 室" />
      </Field>
      <Field name={['site', 'regionCode']}>
        <Input maxLength={6} autoComplete="off" placeholder="6 位行政区划代码" inputMode="numeric" />
      </Field>
      <Field name={['site', 'postalCode']}>
        <Input maxLength={6} autoComplete="off" inputMode="numeric" />
      </Field>
    </FormSection>
  );
}
