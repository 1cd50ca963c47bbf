import { App, Button, Card, Descriptions, Form, Input } from 'antd';
import type { DocumentSettings } from '../../../../shared/api/documents';
import { api } from '../../api';
import { LoadableView } from '../../components/LoadableView';
import { useLoaded } from '../../shell/useLoaded';

type Header = Omit<DocumentSettings, 'bodyFont' | 'headingFont'>;

/**
 * What the scheme reply and contracts print about the hall (documents.settings); labels as the server's. The
 * optional ones are the utility's side of the HV contract's party block: that contract is refused until they are set.
 */
const FIELDS: { name: keyof Header; label: string; max: number; optional?: true }[] = [
  { name: 'utilityName', label: '供电企业名称', max: 128 },
  { name: 'address', label: '营业厅地址', max: 256 },
  { name: 'phone', label: '营业厅电话', max: 32 },
  { name: 'contact', label: '经办人', max: 64 },
  { name: 'hotline', label: '服务热线', max: 16 },
  { name: 'legalRep', label: '法定代表人', max: 64, optional: true },
  { name: 'taxNumber', label: '纳税人识别号', max: 32, optional: true },
  { name: 'bankAccount', label: '开户银行及账号', max: 128, optional: true },
  { name: 'email', label: '通知邮箱', max: 128, optional: true },
];

/** An optional field left empty is not sent (the server refuses an empty string). */
const filled = (header: Header): Header =>
  Object.fromEntries(Object.entries(header).filter(([, value]) => value !== '' && value !== undefined)) as Header;

function HeaderForm({ current, onSaved }: { current: DocumentSettings | null; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Header>();
  const save = async (header: Header) => {
    // The fonts are set from the CLI and are not on this form: send them back unchanged so they are kept.
    const fonts = current ? { bodyFont: current.bodyFont, headingFont: current.headingFont } : {};
    const result = await api.documents.settings({ ...fonts, ...filled(header) });
    if (!result.ok) {
      const problems = result.error.problems ?? [];
      if (problems.length === 0) void message.error(result.error.message);
      form.setFields(problems.map((p) => ({ name: p.field as keyof Header, errors: [p.message] })));
      return;
    }
    void message.success('文书抬头已保存');
    onSaved();
  };
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ flex: '120px' }}
      style={{ maxWidth: 640 }}
      initialValues={current ?? {}}
      onFinish={(v) => void save(v)}
      data-testid="document-header-form"
    >
      {FIELDS.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          rules={f.optional ? [] : [{ required: true, whitespace: true, message: `${f.label}：请填写${f.label}` }]}
          extra={f.name === 'legalRep' ? '法定代表人、纳税人识别号、开户银行及账号：高压供用电合同必填' : undefined}
        >
          <Input maxLength={f.max} />
        </Form.Item>
      ))}
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit">
          保存文书抬头
        </Button>
      </Form.Item>
    </Form>
  );
}

/** 文书抬头: printed on every 供电方案答复单 and contract; documents are refused until it is set. */
export function DocumentHeaderCard({ admin }: { admin: boolean }) {
  const [settings, reload] = useLoaded(() => api.settings.documents(), 'documents');
  return (
    <Card title="文书抬头（印在供电方案答复单与合同上）" size="small">
      <LoadableView value={settings}>
        {(current: DocumentSettings | null) =>
          admin ? (
            <HeaderForm current={current} onSaved={reload} />
          ) : (
            <Descriptions column={1} size="small">
              {FIELDS.map((f) => (
                <Descriptions.Item key={f.name} label={f.label}>
                  {current?.[f.name] ?? '未设置（请系统管理员填写）'}
                </Descriptions.Item>
              ))}
            </Descriptions>
          )
        }
      </LoadableView>
    </Card>
  );
}
