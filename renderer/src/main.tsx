import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthGate } from './auth/AuthGate';
import { AppShell } from './shell/AppShell';

dayjs.locale('zh-cn');

/** Colours chosen for WCAG AA contrast (4.5:1) on every text, checked by axe-core in the e2e run. */
const THEME = {
  token: {
    colorPrimary: '#0a6e5a',
    // antd's default link blue is 4.1:1 on white, below AA for body text.
    colorLink: '#0a6e5a',
    borderRadius: 4,
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    // Derived from the dark success colour, antd's success background came out a muddy grey-green.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
  },
  components: {
    Menu: { itemSelectedColor: '#085a4a', itemSelectedBg: '#e3f1ed', itemHoverColor: 'rgba(0, 0, 0, 0.88)' },
    // Selected rows stay light enough to read every tag on them.
    Table: { rowSelectedBg: '#e8f4f0', rowSelectedHoverBg: '#d8ede6' },
  },
};

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          <AuthGate>
            <AppShell />
          </AuthGate>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
