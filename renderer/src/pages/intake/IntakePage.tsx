import { Alert, App, Button, Card, Result, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApplicationInput } from '../../../../shared/domain/application';
import { BUSINESS_TYPE_INFO, type BusinessType, type CustomerClass } from '../../../../shared/domain/codes';
import { formatDateTime, todayInShanghai } from '../../format/dates';
import { ProblemContext } from '../../forms/ProblemContext';
import { ApplicationFormBody } from './ApplicationFormBody';
import { DEFAULT_ID_TYPE } from './CustomerSection';
import { BusinessTypePicker } from './BusinessTypePicker';
import { SaveBar } from './SaveBar';
import { useApplicationForm } from './useApplicationForm';
import { useSaveApplication } from './useSaveApplication';
import { useDraftAutosave, type IntakeDraft } from './useDraftAutosave';
import { navigate } from '../../shell/useHashRoute';

function initialValues(customerClass: CustomerClass) {
  const kind = customerClass === 'LVR' ? 'PERSON' : 'ORG';
  return { applicationDate: todayInShanghai(), customer: { kind, idType: DEFAULT_ID_TYPE[kind] } };
}

/**
 * 业务受理: choose the business type and class, then one form whose fields and documents follow the choice.
 * Every change is checked by the shared rules; the main process checks again on save.
 */
export function IntakePage() {
  const [businessType, setBusinessType] = useState<BusinessType>();
  const [customerClass, setCustomerClass] = useState<CustomerClass>();
  const { message } = App.useApp();
  const state = useApplicationForm(businessType, customerClass, 'ACCEPT');
  const { form, values, setValues, reasons, setReasons, app, check, visibility, sync } = state;

  const { save, saving, saved, reset } = useSaveApplication();
  const draft = useDraftAutosave(
    { businessType, customerClass, values, reasons },
    // Offered back only once something was typed: picking a business type alone is not worth a draft.
    businessType !== undefined && visibility.typed && !saved,
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

  // The form's defaults (客户类型, 证件类型, 申请日期) are values like any other, checked from the start: they go into
  // the state once the form is there, and again when the class changes them (until something was typed).
  useEffect(() => {
    if (!customerClass || visibility.typed || restoring) return;
    form.setFieldsValue(initialValues(customerClass));
    sync();
  }, [customerClass, form, sync]);

  const onSave = useCallback(async () => {
    if (!visibility.trySave()) return;
    const result = await save(app as ApplicationInput);
    if (result.ok) await draft.discard();
    else message.error(result.error.message);
  }, [app, visibility, save, message, draft]);

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

  // The form was scrolled to its save bar: the result with the new number starts at the top of the page.
  useEffect(() => {
    if (saved) window.scrollTo({ top: 0 });
  }, [saved]);

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
              visibility.reset();
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
    <ProblemContext.Provider value={visibility.shown}>
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
        <ApplicationFormBody
          state={state}
          businessType={businessType}
          customerClass={customerClass}
          initialValues={initialValues(customerClass)}
          testId="intake-form"
          footer={
            <SaveBar
              errors={check.errors}
              warnings={check.warnings}
              reasons={reasons}
              onReason={(ruleId, reason) => setReasons((current) => ({ ...current, [ruleId]: reason }))}
              onSave={() => void onSave()}
              saving={saving}
            />
          }
        />
      )}
    </ProblemContext.Provider>
  );
}
