import { Input, Switch } from 'antd';
import { Field } from '../../forms/Field';
import { FormSection } from './FormSection';

/**
 * 装表接电记录: where the meter was installed (REFERENCE.md §5.3.5 R-MET-04). A meter away from the ownership boundary
 * needs the agreed bearing of the line and transformer losses; without it R-MET-04 warns.
 */
export function MeterInstallationSection() {
  return (
    <FormSection title="装表接电记录" testId="section-meter-installation">
      <Field name={['meterInstallation', 'atBoundary']} valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Field>
      <Field name={['meterInstallation', 'lossAgreement']} span={3}>
        <Input maxLength={256} autoComplete="off" placeholder="如 线损、变损由客户承担，按月加计" />
      </Field>
    </FormSection>
  );
}
