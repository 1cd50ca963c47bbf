import { Input } from 'antd';
import { WORKS_PARTY_ROLES } from '../../../../shared/domain/application';
import { WORKS_PARTY_CHOICE_LABELS, WORKS_PARTY_LABELS } from '../../../../shared/domain/labels';
import { CodeSelect } from '../../forms/CodeSelect';
import { Field } from '../../forms/Field';
import { optionsOf } from '../../forms/options';
import { FormSection } from './FormSection';

/**
 * 受电工程（三不指定）: who designs, builds and equips the customer's receiving works, and whether the customer chose
 * each freely (REFERENCE.md §5.3.7 R-GATE-05). Recorded at 受电工程施工; any other choice is flagged by R-GATE-05.
 */
export function CustomerWorksSection() {
  return (
    <FormSection title="受电工程（三不指定）" testId="section-customer-works">
      {WORKS_PARTY_ROLES.map((role) => (
        <div key={role} style={{ display: 'contents' }}>
          <Field name={['customerWorks', role, 'name']} span={2}>
            <Input maxLength={128} autoComplete="off" placeholder={`客户选定的${WORKS_PARTY_LABELS[role]}`} />
          </Field>
          <Field name={['customerWorks', role, 'choice']} span={2}>
            <CodeSelect options={optionsOf(WORKS_PARTY_CHOICE_LABELS)} allowClear />
          </Field>
        </div>
      ))}
    </FormSection>
  );
}
