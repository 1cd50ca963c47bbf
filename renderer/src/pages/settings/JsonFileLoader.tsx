import { Alert, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { ApiError, Result } from '../../../../shared/api/result';

/**
 * Loads a JSON file chosen by the administrator: its text goes to a main-process channel, which parses and
 * validates it. A refusal lists every problem (each names the key) and says nothing changed.
 */
export function JsonFileLoader({
  buttonText,
  hint,
  send,
  onLoaded,
  testId,
}: {
  buttonText: string;
  hint: string;
  send: (text: string) => Promise<Result<unknown>>;
  onLoaded: () => void;
  testId: string;
}) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  // Said inline rather than in a toast: the administrator may look away while a file loads.
  const [loaded, setLoaded] = useState<string | null>(null);

  const load = async (file: File) => {
    setBusy(true);
    setRefusal(null);
    setLoaded(null);
    const result = await send(await file.text());
    setBusy(false);
    if (!result.ok) {
      setRefusal(result.error);
      return;
    }
    setLoaded(file.name);
    onLoaded();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Space wrap>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void load(file);
            return false; // read here and sent over the API, never uploaded anywhere
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {buttonText}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Space>
      {loaded && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLoaded(null) }}
          title={`已载入 ${loaded}，即时生效`}
          data-testid={`${testId}-loaded`}
        />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          title="文件未载入，当前设置不变"
          description={
            refusal.problems && refusal.problems.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`${testId}-problems`}>
                {refusal.problems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            ) : (
              <span data-testid={`${testId}-problems`}>{refusal.message}</span>
            )
          }
        />
      )}
    </Space>
  );
}
