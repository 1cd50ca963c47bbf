import { Modal, Select } from 'antd';
import { useContext, useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../../shared/domain/codes';
import { api } from '../../api';
import { SessionContext } from '../../shell/SessionContext';

/** Picks the 经办人 for the selected applications: any active hall user, or oneself. */
export function AssignModal({
  open,
  count,
  onAssign,
  onClose,
}: {
  open: boolean;
  count: number;
  onAssign: (assignee: string | null) => void;
  onClose: () => void;
}) {
  const session = useContext(SessionContext);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [assignee, setAssignee] = useState<string | undefined>();

  useEffect(() => {
    if (!open) return;
    void api.users.list().then((result) => {
      const users = result.ok ? result.value.filter((u) => u.active) : [];
      const self = session?.user;
      const others = users.filter((u) => u.id !== self?.id);
      setOptions([
        ...(self ? [{ value: self.id, label: `${self.name}（本人）` }] : []),
        ...others.map((u) => ({ value: u.id, label: `${u.name}（${u.id}，${ROLE_LABELS[u.role]}）` })),
      ]);
    });
  }, [open, session]);

  return (
    <Modal
      title={`分派经办人（已选 ${count} 件）`}
      open={open}
      okText="分派"
      cancelText="取消"
      okButtonProps={{ disabled: assignee === undefined }}
      onOk={() => onAssign(assignee === CLEAR ? null : (assignee ?? null))}
      onCancel={onClose}
      destroyOnHidden
    >
      <Select
        aria-label="经办人"
        placeholder="选择经办人"
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        value={assignee}
        onChange={setAssignee}
        options={[...options, { value: CLEAR, label: '清除经办人' }]}
      />
    </Modal>
  );
}

const CLEAR = '';
