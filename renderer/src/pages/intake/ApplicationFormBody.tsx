import { Form } from 'antd';
import type { ReactNode } from 'react';
import {
  BUSINESS_TYPE_INFO,
  issuesNewAccount,
  STAGES,
  type BusinessType,
  type CustomerClass,
  type Stage,
} from '../../../../shared/domain/codes';
import { enterLeavesChosenSelect, enterMovesOn } from '../../forms/enterMovesOn';
import { stagePlan } from '../../../../shared/workflow/stagePlans';
import { CustomerSection, DEFAULT_ID_TYPE } from './CustomerSection';
import { CustomerWorksSection } from './CustomerWorksSection';
import { DocumentsSection } from './DocumentsSection';
import { defaultDueStages, type DocumentStates } from './documentEntries';
import { ExistingServiceSection } from './ExistingServiceSection';
import { MeterInstallationSection } from './MeterInstallationSection';
import { ReliabilitySection } from './ReliabilitySection';
import { SiteSection } from './SiteSection';
import { SupplySection } from './SupplySection';
import { TariffSection } from './TariffSection';
import type { ApplicationFormState } from './useApplicationForm';

/**
 * The sections of an application form for a business type and class: the same fields, rules and documents for a
 * new application and for a correction after acceptance. `footer` is the save bar of the page using it.
 */
export function ApplicationFormBody({
  state,
  businessType,
  customerClass,
  initialValues,
  footer,
  testId,
  stage,
}: {
  state: ApplicationFormState;
  businessType: BusinessType;
  customerClass: CustomerClass;
  initialValues: Record<string, unknown>;
  footer: ReactNode;
  testId: string;
  /** The application's stage, when it is stored: the 装表接电 record shows once METER_CONNECT is reached. */
  stage?: Stage;
}) {
  const { form, values, checklist, app, sync, visibility, profile } = state;
  return (
    <Form
      form={form}
      layout="vertical"
      size="middle"
      initialValues={initialValues}
      onValuesChange={(changed: { customer?: { kind?: 'PERSON' | 'ORG' }; docs?: DocumentStates }) => {
        const kind = changed.customer?.kind;
        if (kind) form.setFieldValue(['customer', 'idType'], DEFAULT_ID_TYPE[kind]);
        for (const [code, stage] of defaultDueStages(changed.docs, checklist)) {
          if (!form.getFieldValue(['docs', code, 'dueStage'])) form.setFieldValue(['docs', code, 'dueStage'], stage);
        }
        visibility.changed(changed);
        sync();
      }}
      onBlur={visibility.blurred}
      onKeyDown={enterMovesOn}
      onKeyDownCapture={enterLeavesChosenSelect}
      data-testid={testId}
    >
      {/* Changes to an existing service start from the 户号: its lookup fills the customer and the site. */}
      {BUSINESS_TYPE_INFO[businessType].needsAccount && (
        <ExistingServiceSection
          businessType={businessType}
          customerClass={customerClass}
          oldSiteClosed={businessType === 'RELOC'}
          temporaryExtension={businessType === 'TEMP_EXTEND'}
          transfer={businessType === 'TRANSFER'}
          merge={businessType === 'MERGE'}
          settlement={businessType === 'CLOSE' || businessType === 'TRANSFER'}
          onPrefilled={sync}
        />
      )}
      <CustomerSection kind={(values.customer as { kind?: 'PERSON' | 'ORG' } | undefined)?.kind} />
      <SiteSection />
      <SupplySection customerClass={customerClass} profile={profile} />
      <TariffSection
        customerClass={customerClass}
        twoPart={(values.tariff as { structure?: string } | undefined)?.structure === 'TWO_PART'}
        profile={profile}
      />
      {customerClass !== 'LVR' && <ReliabilitySection />}
      {stagePlan(businessType, customerClass).some((step) => step.stage === 'CUSTOMER_WORKS') && (
        <CustomerWorksSection />
      )}
      {stage !== undefined && STAGES.indexOf(stage) >= STAGES.indexOf('METER_CONNECT') && (
        <MeterInstallationSection newAccount={issuesNewAccount(businessType)} />
      )}
      <DocumentsSection
        items={checklist}
        entries={app.documents}
        flow={stagePlan(businessType, customerClass).map((step) => step.stage)}
      />
      {footer}
    </Form>
  );
}
