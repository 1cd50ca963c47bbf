import { InputNumber } from 'antd';

/**
 * Money typed in 元 and stored in 分 (whole numbers, as every amount in the record is): the form item's value is
 * the 分 amount, the clerk sees and types 元 with two decimals.
 */
export function YuanInput({
  value,
  onChange,
  id,
}: {
  value?: number;
  onChange?: (fen: number | undefined) => void;
  id?: string;
}) {
  return (
    <InputNumber
      id={id}
      min={0}
      precision={2}
      addonAfter="元"
      style={{ width: '100%' }}
      value={value === undefined ? null : value / 100}
      onChange={(yuan) => onChange?.(yuan === null ? undefined : Math.round(yuan * 100))}
    />
  );
}
