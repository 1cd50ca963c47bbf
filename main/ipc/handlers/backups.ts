import { backupNow, backupsView, checkBeforeRestore, restoreWhileRunning } from '../../services/backup/backupPage';
import { setSecondBackupFolder } from '../../services/backup/settings';
import { supportLogView } from '../../log/supportLog';
import { handler } from '../handler';

/** 备份与恢复 and the support log: administrators only (a restore replaces the hall's data). */
export const backupHandlers = {
  'backups.list': handler('backups.list', { role: 'admin', run: (ctx) => backupsView(ctx) }),
  'backups.create': handler('backups.create', { role: 'admin', run: (ctx) => backupNow(ctx) }),
  'backups.check': handler('backups.check', {
    role: 'admin',
    run: (ctx, input) => checkBeforeRestore(ctx, input.file),
  }),
  'backups.restore': handler('backups.restore', {
    role: 'admin',
    run: (ctx, input) => restoreWhileRunning(ctx, input.file),
  }),
  'backups.setSecondFolder': handler('backups.setSecondFolder', {
    role: 'admin',
    run: (ctx, input) => ({ folder: setSecondBackupFolder(ctx, input.folder) }),
  }),
  'supportLog.view': handler('supportLog.view', { role: 'admin', run: (ctx) => supportLogView(ctx.dataDir) }),
};
