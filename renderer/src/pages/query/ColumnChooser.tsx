import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { APPLICATION_COLUMNS, ESSENTIAL_COLUMN_KEYS } from './columns';

const STORAGE_KEY = 'yekuo.query.columns';
const KNOWN = new Set(APPLICATION_COLUMNS.map((c) => c.key));

/** The shown columns' keys as this workstation last chose them (localStorage); the essential ones otherwise. */
function storedColumns(): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (Array.isArray(parsed) && parsed.every((k) => typeof k === 'string')) {
      const keys = parsed.filter((k) => KNOWN.has(k));
      if (keys.length > 0) return keys;
    }
  } catch {
    // A damaged entry falls back to the default.
  }
  return ESSENTIAL_COLUMN_KEYS;
}

/** The shown column keys and their setter; a choice is remembered for the next visit. */
export function useShownColumns(): [readonly string[], (keys: readonly string[]) => void] {
  const [shown, setShown] = useState(storedColumns);
  const choose = useCallback((keys: readonly string[]) => {
    setShown(keys);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  }, []);
  return [shown, choose];
}

/** 列设置: tick the columns to show (申请编号 always shows); 恢复默认 returns to the essential ones. */
export function ColumnChooser({ shown, onChange }: { shown: readonly string[]; onChange: (keys: string[]) => void }) {
  const content = (
    <Space orientation="vertical" data-testid="column-chooser">
      <Checkbox.Group
        aria-label="显示的列"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 120px)', gap: 6 }}
        value={[...shown]}
        options={APPLICATION_COLUMNS.map((c) => ({ value: c.key, label: c.title, disabled: c.key === 'number' }))}
        // Kept in the table's order, whatever order they were ticked in.
        onChange={(keys) => onChange(APPLICATION_COLUMNS.map((c) => c.key).filter((k) => keys.includes(k)))}
      />
      <Space>
        <Button size="small" onClick={() => onChange([...ESSENTIAL_COLUMN_KEYS])}>
          恢复默认
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          本机记住所选的列
        </Typography.Text>
      </Space>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示的列" content={content}>
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
