/**
 * THE handler table: channel → { role, run }. Electron's ipcMain and the web harness both dispatch through it,
 * so the UI is tested against exactly what ships. Add a group by spreading its table here.
 */
import type { HandlerTable } from './handler';
import { accountHandlers } from './handlers/accounts';
import { authHandlers } from './handlers/auth';
import { backupHandlers } from './handlers/backups';
import { draftHandlers } from './handlers/drafts';
import { portraitHandlers } from './handlers/portrait';
import { riskHandlers } from './handlers/risk';
import { schemeHandlers } from './handlers/schemes';
import { applicationHandlers } from './handlers/applications';
import { documentHandlers } from './handlers/documents';
import { exportHandlers } from './handlers/export';
import { settingsHandlers } from './handlers/settings';
import { storeHandlers } from './handlers/store';
import { systemHandlers } from './handlers/system';
import { workbenchHandlers } from './handlers/workbench';
import { statsHandlers } from './handlers/stats';
import { workstationHandlers } from './handlers/workstation';

export const handlers: HandlerTable = {
  ...authHandlers,
  ...systemHandlers,
  ...storeHandlers,
  ...applicationHandlers,
  ...documentHandlers,
  ...accountHandlers,
  ...draftHandlers,
  ...schemeHandlers,
  ...workstationHandlers,
  ...workbenchHandlers,
  ...statsHandlers,
  ...settingsHandlers,
  ...exportHandlers,
  ...riskHandlers,
  ...backupHandlers,
  ...portraitHandlers,
};
