import { App, Button, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { SavedFilter, SavedQuery } from '../../../../shared/api/savedFilters';
import { useSavedFilters } from './useSavedFilters';

/** 保存的筛选: pick a preset or one's own filter, save the current one under a name, delete one's own. */
export function SavedFilterBar({ current, onApply }: { current: SavedQuery; onApply: (query: SavedQuery) => void }) {
  const { filters, save, remove } = useSavedFilters();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const chosen = filters.find((f) => f.id === selected);

  const apply = (id: string | undefined) => {
    setSelected(id);
    const filter = filters.find((f) => f.id === id);
    onApply(filter ? filter.query : {});
  };

  const submit = async () => {
    const result = await save(name, current);
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    setNaming(false);
    setSelected(result.value.id);
    message.success(`已保存筛选“${result.value.name}”`);
  };

  const removeChosen = async (filter: SavedFilter) => {
    const result = await remove(filter.id);
    if (!result.ok) message.error(result.error.message);
    else {
      setSelected(undefined);
      message.success(`已删除筛选“${filter.name}”`);
    }
  };

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        aria-label="保存的筛选"
        placeholder="保存的筛选"
        allowClear
        style={{ width: 220 }}
        value={selected}
        onChange={apply}
        options={[
          { label: '内置筛选', options: filterOptions(filters.filter((f) => f.builtIn)) },
          { label: '我的筛选', options: filterOptions(filters.filter((f) => !f.builtIn)) },
        ]}
      />
      <Button
        onClick={() => {
          setName(chosen && !chosen.builtIn ? chosen.name : '');
          setNaming(true);
        }}
      >
        保存当前筛选
      </Button>
      {chosen && !chosen.builtIn && (
        <Button danger onClick={() => void removeChosen(chosen)}>
          删除此筛选
        </Button>
      )}
      <Modal
        title="保存当前筛选"
        open={naming}
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Input
          aria-label="筛选名称"
          placeholder="例如：我的临期高压新装"
          maxLength={40}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={() => void submit()}
          autoFocus
        />
      </Modal>
    </Space>
  );
}

const filterOptions = (filters: SavedFilter[]) => filters.map((f) => ({ value: f.id, label: f.name }));
