import { readDocumentSettings } from '../../services/documents/documentSettings';
import { renameHall } from '../../services/hall';
import { calendarView, loadHolidayTable } from '../../services/settings/holidayTables';
import { loadProvinceProfile, profileView } from '../../services/settings/provinceProfile';
import { handler } from '../handler';

/** 系统设置: everyone may read what is in force (it explains their deadlines and refusals); admins change it. */
export const settingsHandlers = {
  'hall.update': handler('hall.update', { role: 'admin', run: (ctx, input) => renameHall(ctx, input.name) }),
  'settings.documents': handler('settings.documents', { role: 'clerk', run: (ctx) => readDocumentSettings(ctx) }),
  'settings.profile': handler('settings.profile', { role: 'clerk', run: (ctx) => profileView(ctx) }),
  'settings.loadProfile': handler('settings.loadProfile', {
    role: 'admin',
    run: (ctx, input) => loadProvinceProfile(ctx, input.text),
  }),
  'settings.calendar': handler('settings.calendar', {
    role: 'clerk',
    run: (ctx, input) => calendarView(ctx, input.year),
  }),
  'settings.loadHolidays': handler('settings.loadHolidays', {
    role: 'admin',
    run: (ctx, input) => loadHolidayTable(ctx, input.text),
  }),
};
