import { Button, Form } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { NamePath } from './fieldPath';

/**
 * A repeatable group of fields (transformers, supply sources, metering points): one grid row per item with
 * its delete button, and an add button that appends `add` as the new item's starting values. `add` may be
 * computed from the items already there, so a new item gets every field it needs, the ones the row does not
 * show included (a supply source's number and voltage).
 */
export function ListOf({
  name,
  add,
  addLabel,
  children,
  columns = 4,
}: {
  /** The list's field: a top-level name, or a path inside a section (`['existing', 'mergedAccounts']`). */
  name: string | NamePath;
  add: Record<string, unknown> | ((items: readonly Record<string, unknown>[]) => Record<string, unknown>);
  addLabel: string;
  children: (index: number) => ReactNode;
  /** Columns of one item's row (the delete button takes one more). */
  columns?: number;
}) {
  const form = Form.useFormInstance();
  const newItem = () =>
    typeof add === 'function' ? add((form.getFieldValue(name) as Record<string, unknown>[] | undefined) ?? []) : add;
  return (
    <div style={{ gridColumn: 'span 4' }}>
      <Form.List name={name}>
        {(items, ops) => (
          <>
            {items.map((item) => (
              <div
                key={item.key}
                style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: 16 }}
              >
                {/* The fields keep to their own grid: a long message under one cannot widen the button's column. */}
                <div
                  style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, columnGap: 16 }}
                >
                  {children(item.name)}
                </div>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`删除第 ${item.name + 1} 项`}
                  onClick={() => ops.remove(item.name)}
                  style={{ alignSelf: 'end', marginBottom: 24 }}
                />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => ops.add(newItem())} style={{ marginBottom: 16 }}>
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}
