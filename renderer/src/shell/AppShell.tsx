import { Alert, Button, Layout, Menu, Skeleton, Space, Tag, Typography } from 'antd';
import {
  AuditOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  FormOutlined,
  LockOutlined,
  SearchOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { ROLE_LABELS, type Role } from '../../../shared/domain/codes';
import { useAuth } from '../auth/AuthContext';
import { WorkbenchPage } from '../pages/workbench/WorkbenchPage';
import { ROUTES, type Route, type RouteKey } from './routes';
import { RefreshSessionContext, SessionContext } from './SessionContext';
import { navigate, useHashRoute } from './useHashRoute';
import { useSystemInfo } from './useSystemInfo';

const ICONS: Record<RouteKey, ReactNode> = {
  workbench: <DesktopOutlined />,
  intake: <FormOutlined />,
  query: <SearchOutlined />,
  risk: <BarChartOutlined />,
  export: <CloudUploadOutlined />,
  settings: <SettingOutlined />,
};

// 工作台 is the first screen; the other pages (and the rule catalogue the form and the detail page bring) load
// when first opened, so the window shows its first screen sooner.
const IntakePage = lazy(() => import('../pages/intake/IntakePage').then((m) => ({ default: m.IntakePage })));
const QueryPage = lazy(() => import('../pages/query/QueryPage').then((m) => ({ default: m.QueryPage })));
const ApplicationPage = lazy(() =>
  import('../pages/application/ApplicationPage').then((m) => ({ default: m.ApplicationPage })),
);
const ExportPage = lazy(() => import('../pages/export/ExportPage').then((m) => ({ default: m.ExportPage })));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const StatsPage = lazy(() => import('../pages/stats/StatsPage').then((m) => ({ default: m.StatsPage })));

function Screen({ route }: { route: Route }) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <Page route={route} />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.key) {
    case 'workbench':
      return <WorkbenchPage />;
    case 'intake':
      return <IntakePage />;
    case 'query':
      return <QueryPage route={route.query ?? {}} />;
    case 'application':
      return <ApplicationPage number={route.number} />;
    case 'settings':
      return <SettingsPage />;
    case 'export':
      return <ExportPage />;
    case 'risk':
      return <StatsPage />;
  }
}

export function AppShell() {
  const route = useHashRoute();
  const [info, reloadInfo] = useSystemInfo();
  const auth = useAuth();
  // The detail page belongs to 申请查询 in the menu.
  const menuKey = route.key === 'application' ? 'query' : route.key;

  return (
    <SessionContext.Provider value={info.state === 'ready' ? info.value : null}>
      <RefreshSessionContext.Provider value={reloadInfo}>
        <Layout style={{ minHeight: '100vh' }}>
          {/* The menu stays in view on long pages (the intake form, 申请详情, 统计与风险). */}
          <Layout.Sider
            width={200}
            theme="light"
            style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
          >
            <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>
              <AuditOutlined style={{ color: '#0a6e5a', marginRight: 8 }} />
              业扩报装
            </div>
            <Menu
              mode="inline"
              aria-label="主菜单"
              selectedKeys={[menuKey]}
              onClick={({ key }) => navigate({ key: key as RouteKey })}
              items={ROUTES.map((r) => ({ key: r.key, icon: ICONS[r.key], label: r.label }))}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: '#fff',
                borderBottom: '1px solid #f0f0f0',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'space-between',
                paddingInline: 24,
              }}
            >
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="hall-name">
                {info.state === 'ready' ? (info.value.hallName ?? '营业厅未设置') : '业扩报装营业厅客户端'}
              </Typography.Title>
              {info.state === 'ready' && (
                <Space>
                  <Space data-testid="current-user">
                    <UserOutlined />
                    <span>{info.value.user.name}</span>
                    <Tag color="#0a6e5a">{ROLE_LABELS[info.value.user.role as Role] ?? info.value.user.role}</Tag>
                  </Space>
                  {auth && (
                    <>
                      <Button size="small" icon={<LockOutlined />} onClick={auth.lock}>
                        锁屏
                      </Button>
                      <Button size="small" icon={<SwapOutlined />} onClick={auth.signOut}>
                        换班
                      </Button>
                    </>
                  )}
                </Space>
              )}
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              {info.state === 'error' && (
                <Alert
                  type="error"
                  showIcon
                  title="无法读取系统信息"
                  description={info.message}
                  style={{ marginBottom: 16 }}
                />
              )}
              <Screen route={route} />
            </Layout.Content>
            <Layout.Footer style={{ textAlign: 'center', color: '#595959', padding: '12px 24px' }}>
              {info.state === 'ready'
                ? `版本 ${info.value.version} · 数据库版本 ${info.value.schemaVersion} · 数据目录 ${info.value.dataDir}`
                : '正在连接本机服务…'}
            </Layout.Footer>
          </Layout>
        </Layout>
      </RefreshSessionContext.Provider>
    </SessionContext.Provider>
  );
}
