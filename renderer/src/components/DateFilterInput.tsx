import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { isIsoDate } from '../../../shared/calendar/isoDate';

/**
 * A filter date typed as YYYY-MM-DD, as every date in the app is (a browser date input shows the PC's locale, e.g.
 * mm/dd/yyyy). The filter changes only when the text is a real date or empty; a half-typed or impossible date is
 * marked red with its format and leaves the last filter in force.
 */
export function DateFilterInput({
  label,
  addon,
  value,
  onChange,
  width,
}: {
  label: string;
  addon: string;
  value: string | undefined;
  onChange: (next: string | undefined) => void;
  width: number;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const valid = text === '' || isIsoDate(text);
  return (
    <Input
      aria-label={label}
      addonBefore={addon}
      placeholder="YYYY-MM-DD"
      maxLength={10}
      autoComplete="off"
      allowClear
      value={text}
      status={valid ? undefined : 'error'}
      title={valid ? undefined : `${label}应为 YYYY-MM-DD 格式的日期，例如 2026-01-01`}
      onChange={(e) => {
        const next = e.target.value.trim();
        setText(next);
        if (next === '' || isIsoDate(next)) onChange(next === '' ? undefined : next);
      }}
      style={{ width }}
    />
  );
}
