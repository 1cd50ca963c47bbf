import { AuditOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card every sign-in screen uses (sign-in, first start, password change, lock). */
export function AuthScreen({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f3f6f5',
        padding: 24,
      }}
    >
      <Card style={{ width }} data-testid="auth-screen">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          <AuditOutlined style={{ color: '#0a6e5a', marginRight: 8 }} />
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
