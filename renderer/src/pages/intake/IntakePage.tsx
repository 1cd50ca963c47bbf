import { Alert, App, Button, Card, Form, Result, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApplicationInput } from '../../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, type BusinessType, type CustomerClass } from '../../../../shared/domain/codes';
import { requiredDocuments } from '../../../../shared/rules';
import { compact } from '../../forms/compact';
import { formatDateTime, todayInShanghai } from '../../format/dates';
import { documentEntries, onChecklist, type DocumentStates } from './documentEntries';
import { ProblemContext } from '../../forms/ProblemContext';
import { enterMovesOn } from '../../forms/enterMovesOn';
import { BusinessTypePicker } from './BusinessTypePicker';
import { CustomerSection } from './CustomerSection';
import { DocumentsSection } from './DocumentsSection';
import { ExistingServiceSection } from './ExistingServiceSection';
import { ReliabilitySection } from './ReliabilitySection';
import { SaveBar } from './SaveBar';
import { SiteSection } from './SiteSection';
import { SupplySection } from './SupplySection';
import { TariffSection } from './TariffSection';
import { useProfileInForce } from '../../shell/useProfileInForce';
import { useRuleCheck } from './useRuleCheck';
import { useSaveApplication } from './useSaveApplication';
import { useDraftAutosave, type IntakeDraft } from './useDraftAutosave';
import { navigate } from '../../shell/useHashRoute';

const DEFAULT_ID_TYPE = { PERSON: 'RIC', ORG: 'USCC' } as const;

function initialValues(customerClass: CustomerClass) {
  const kind = customerClass === 'LVR' ? 'PERSON' : 'ORG';
  return { applicationDate: todayInShanghai(), customer: { kind, idType: DEFAULT_ID_TYPE[kind] } };
}

/**
 * 业务受理: choose the business type and class, then one form whose fields and documents follow the choice.
 * Every change is checked by the shared rules; the main process checks again on save.
 */
export function IntakePage() {
  const [form] = Form.useForm();
  const [businessType, setBusinessType] = useState<BusinessType>();
  const [customerClass, setCustomerClass] = useState<CustomerClass>();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { message } = App.useApp();
  const profile = useProfileInForce();

  const { app, checklist } = useMemo(() => {
    const { docs, ...fields } = values as { docs?: DocumentStates };
    const entered = {
      ...((compact(fields) ?? {}) as Record<string, unknown>),
      businessType,
      customerClass,
      acknowledgements: Object.entries(reasons)
        .filter(([, reason]) => reason.trim() !== '')
        .map(([ruleId, reason]) => ({ ruleId, reason: reason.trim() })),
    };
    // The checklist depends on the documents (承诺书 appears once anything is deferred), and the record's
    // documents are those the checklist shows: all statuses first, then the checklist, then the record.
    const allEntries = documentEntries(docs);
    const items =
      businessType && customerClass
        ? requiredDocuments(businessType, customerClass, { ...entered, documents: allEntries }, profile)
        : [];
    return { app: { ...entered, documents: onChecklist(allEntries, items) }, checklist: items };
  }, [values, businessType, customerClass, reasons, profile]);
  const check = useRuleCheck(app, 'ACCEPT', profile);
  const { save, saving, saved, reset } = useSaveApplication();
  const draft = useDraftAutosave(
    { businessType, customerClass, values, reasons },
    businessType !== undefined && !saved,
  );
  const [restoring, setRestoring] = useState<IntakeDraft | null>(null);

  // A restored draft's values go into the form once it has mounted for the draft's type and class.
  useEffect(() => {
    if (!restoring || !businessType || !customerClass) return;
    form.setFieldsValue(restoring.values);
    setValues(form.getFieldsValue(true) as Record<string, unknown>);
    setReasons(restoring.reasons);
    setRestoring(null);
  }, [restoring, businessType, customerClass, form]);

  const onSave = useCallback(async () => {
    if (check.errors.length > 0) return;
    const result = await save(app as ApplicationInput);
    if (result.ok) await draft.discard();
    else message.error(result.error.message);
  }, [app, check.errors.length, save, message, draft]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void onSave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSave]);

  if (saved) {
    return (
      <Result
        status="success"
        title={`已受理，申请编号 ${saved.number}`}
        subTitle={`${BUSINESS_TYPE_INFO[saved.businessType].label} · ${saved.customerName}`}
        extra={[
          <Button key="detail" onClick={() => navigate({ key: 'application', number: saved.number })}>
            查看申请详情
          </Button>,
          <Button
            key="next"
            type="primary"
            autoFocus
            onClick={() => {
              reset();
              form.resetFields();
              setValues({});
              setReasons({});
              setBusinessType(undefined);
              setCustomerClass(undefined);
            }}
          >
            继续受理下一笔
          </Button>,
        ]}
      />
    );
  }

  const ready = businessType !== undefined && customerClass !== undefined;
  return (
    <ProblemContext.Provider value={check.byField}>
      {draft.offered && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="draft-offer"
          title={`发现未保存的受理草稿（保存于 ${formatDateTime(draft.offered.savedAt)}）`}
          action={
            <Space>
              <Button
                type="primary"
                size="small"
                onClick={() => {
                  const restored = draft.offered?.draft as unknown as IntakeDraft;
                  setBusinessType(restored.businessType as BusinessType | undefined);
                  setCustomerClass(restored.customerClass as CustomerClass | undefined);
                  setRestoring(restored);
                  draft.dismissOffer();
                }}
              >
                继续录入
              </Button>
              <Button size="small" onClick={() => void draft.discard()}>
                放弃草稿
              </Button>
            </Space>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
          业务受理
        </Typography.Title>
        <BusinessTypePicker
          businessType={businessType}
          customerClass={customerClass}
          onChange={(type, cls) => {
            setBusinessType(type);
            setCustomerClass(cls);
          }}
        />
      </Card>
      {ready && (
        <Form
          form={form}
          layout="vertical"
          size="middle"
          initialValues={initialValues(customerClass)}
          onValuesChange={(changed: { customer?: { kind?: 'PERSON' | 'ORG' } }) => {
            const kind = changed.customer?.kind;
            if (kind) form.setFieldValue(['customer', 'idType'], DEFAULT_ID_TYPE[kind]);
            setValues(form.getFieldsValue(true) as Record<string, unknown>);
          }}
          onKeyDown={enterMovesOn}
          data-testid="intake-form"
        >
          {/* Changes to an existing service start from the 户号: its lookup fills the customer and the site. */}
          {BUSINESS_TYPE_INFO[businessType].needsAccount && (
            <ExistingServiceSection
              customerClass={customerClass}
              oldSiteClosed={businessType === 'RELOC'}
              temporaryExtension={businessType === 'TEMP_EXTEND'}
              onPrefilled={() => setValues(form.getFieldsValue(true) as Record<string, unknown>)}
            />
          )}
          <CustomerSection kind={(values.customer as { kind?: 'PERSON' | 'ORG' } | undefined)?.kind} />
          <SiteSection />
          <SupplySection customerClass={customerClass} />
          <TariffSection
            customerClass={customerClass}
            twoPart={(values.tariff as { structure?: string } | undefined)?.structure === 'TWO_PART'}
          />
          {customerClass !== 'LVR' && <ReliabilitySection />}
          <DocumentsSection items={checklist} entries={app.documents} />
          <SaveBar
            errors={check.errors}
            warnings={check.warnings}
            reasons={reasons}
            onReason={(ruleId, reason) => setReasons((current) => ({ ...current, [ruleId]: reason }))}
            onSave={() => void onSave()}
            saving={saving}
          />
        </Form>
      )}
    </ProblemContext.Provider>
  );
}
