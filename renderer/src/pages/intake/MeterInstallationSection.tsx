import { Input, Switch } from 'antd';
import { Field } from '../../forms/Field';
import { FormSection } from './FormSection';

/**
 * 装表接电记录: where the meter was installed (REFERENCE.md §5.3.5 R-MET-04). A meter away from the ownership boundary
 * needs the agreed bearing of the line and transformer losses; without it R-MET-04 warns. A new connection also
 * records the 户号 the marketing system issued (REFERENCE.md §5.1.8), so later changes find the service by it.
 */
export function MeterInstallationSection({ newAccount }: { newAccount: boolean }) {
  return (
    <FormSection title="装表接电记录" testId="section-meter-installation">
      <Field name={['meterInstallation', 'atBoundary']} valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Field>
      <Field name={['meterInstallation', 'lossAgreement']} span={newAccount ? 2 : 3}>
        <Input maxLength={256} autoComplete="off" placeholder="如 线损、变损由客户承担，按月加计" />
      </Field>
      {newAccount && (
        <Field name={['accountNo']} label="户号（营销系统分配）">
          <Input maxLength={16} autoComplete="off" inputMode="numeric" placeholder="送电后由营销系统分配" />
        </Field>
      )}
    </FormSection>
  );
}
