import { Alert, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useState } from 'react';
import type { ExportSettings } from '../../../../shared/api/export';
import { api } from '../../api';

type ScheduleKind = ExportSettings['schedule']['kind'];
interface Values extends Omit<ExportSettings, 'schedule'> {
  scheduleKind: ScheduleKind;
  at: string;
}

const valuesOf = (settings: ExportSettings): Values => {
  const { schedule, ...rest } = settings;
  return { ...rest, scheduleKind: schedule.kind, at: schedule.kind === 'daily' ? schedule.at : '18:30' };
};

const settingsOf = ({ scheduleKind, at, ...rest }: Values): ExportSettings => ({
  ...rest,
  schedule: scheduleKind === 'daily' ? { kind: 'daily', at: at.trim() } : { kind: scheduleKind },
});

/**
 * 修改导出设置 (系统管理员): where bundles go (folder, HQ receiver and its key), when (schedule), and what they
 * carry (personal data, PDFs). The main process parses and audits the change; its refusal names the field.
 */
export function ExportSettingsModal({
  settings,
  open,
  onClose,
  onSaved,
}: {
  settings: ExportSettings;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const scheduleKind = Form.useWatch('scheduleKind', form) as ScheduleKind | undefined;

  const save = async () => {
    setSaving(true);
    const result = await api.export.updateSettings(settingsOf(form.getFieldsValue(true) as Values));
    setSaving(false);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    onSaved();
  };

  return (
    <Modal
      open={open}
      title="修改导出设置"
      okText="保存"
      cancelText="取消"
      width={640}
      confirmLoading={saving}
      destroyOnHidden
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      onOk={() => void save()}
    >
      <Form form={form} layout="vertical" initialValues={valuesOf(settings)} data-testid="export-settings-form">
        <Form.Item
          name="folder"
          label="导出文件夹"
          extra="共享盘或 U 盘上的文件夹；留空则只保存在数据目录的 exports 文件夹中"
        >
          <Input placeholder={'例如 \\\\fileserver\\yekuo 或 /media/usb/yekuo'} />
        </Form.Item>
        <Form.Item
          name="hqUrl"
          label="总部接收地址"
          extra="总部 yekuo hq serve 的地址（经反向代理的 https://…）；留空则不发送"
        >
          <Input placeholder="https://hq.example.cn/yekuo/" />
        </Form.Item>
        <Form.Item
          name="hqPublicKey"
          label="总部公钥"
          extra="总部 yekuo hq pubkey 写出的 hq.pub 全文；回执须由此公钥验证"
        >
          <Input.TextArea rows={3} placeholder="-----BEGIN PUBLIC KEY-----" />
        </Form.Item>
        <Form.Item name="scheduleKind" label="导出计划">
          <Radio.Group
            options={[
              { value: 'off', label: '不定时（手动导出）' },
              { value: 'daily', label: '每日定时' },
              { value: 'signOut', label: '当日最后一位用户签退时' },
            ]}
          />
        </Form.Item>
        {scheduleKind === 'daily' && (
          <Form.Item name="at" label="每日导出时间">
            <Input placeholder="18:30" style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="privacy" label="个人信息">
          <Radio.Group
            options={[
              { value: 'full', label: '完整导出（总部需要）' },
              { value: 'masked', label: '证件号码与电话脱敏' },
            ]}
          />
        </Form.Item>
        <Form.Item name="includePdfs" label="附带 PDF 文件" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item name="receiptWorkdays" label="回执期限（工作日）" extra="超过期限未收到总部回执的批次在工作台提示">
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="export-settings-problem" />}
    </Modal>
  );
}
