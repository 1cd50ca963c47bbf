import { exportNow, exportProgress, resendBatch } from '../../export/exportNow';
import { updateExportSettings } from '../../export/exportSettings';
import { exportStatus } from '../../export/exportStatus';
import { handler } from '../handler';

/** 数据导出: anyone sees the history; a supervisor exports and re-sends; an administrator changes the settings. */
export const exportHandlers = {
  'export.status': handler('export.status', { role: 'clerk', run: (ctx) => exportStatus(ctx) }),
  'export.progress': handler('export.progress', { role: 'clerk', run: (ctx) => exportProgress(ctx) }),
  'export.run': handler('export.run', { role: 'supervisor', run: (ctx) => exportNow(ctx) }),
  'export.resend': handler('export.resend', { role: 'supervisor', run: (ctx, input) => resendBatch(ctx, input.batch) }),
  'export.updateSettings': handler('export.updateSettings', {
    role: 'admin',
    run: (ctx, input) => updateExportSettings(ctx, input),
  }),
};
