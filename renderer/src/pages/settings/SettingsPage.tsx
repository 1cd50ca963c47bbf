import { Tabs, Typography } from 'antd';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { useSessionRole } from '../../shell/SessionContext';
import { BackupsTab } from './BackupsTab';
import { HallTab } from './HallTab';
import { HolidaysTab } from './HolidaysTab';
import { ProfileTab } from './ProfileTab';
import { SupportLogTab } from './SupportLogTab';
import { UsersTab } from './UsersTab';

/**
 * 系统设置. Everyone sees what is in force (it explains deadlines and refusals); only admins change it.
 * The 用户 tab is for supervisors and admins: the main process refuses users.list to clerks. 备份与恢复 and 运行日志
 * are for admins.
 */
export function SettingsPage() {
  const role = useSessionRole();
  const admin = role === 'admin';
  const items = [
    { key: 'hall', label: '营业厅信息', children: <HallTab admin={admin} /> },
    { key: 'profile', label: '省级参数', children: <ProfileTab admin={admin} /> },
    { key: 'holidays', label: '节假日', children: <HolidaysTab admin={admin} /> },
    ...(roleAtLeast(role, 'supervisor') ? [{ key: 'users', label: '用户', children: <UsersTab admin={admin} /> }] : []),
    // Administrators only: the main process refuses these channels to everyone else.
    ...(admin
      ? [
          { key: 'backups', label: '备份与恢复', children: <BackupsTab /> },
          { key: 'log', label: '运行日志', children: <SupportLogTab /> },
        ]
      : []),
  ];
  return (
    <div>
      <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
        系统设置
      </Typography.Title>
      <Tabs items={items} destroyOnHidden />
    </div>
  );
}
