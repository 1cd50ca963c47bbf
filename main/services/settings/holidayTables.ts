/**
 * 节假日表 holiday tables: the calendar in force (built-in years from chinese-days plus the tables an
 * administrator loaded, which replace a built-in year) and loading one year's table. Used by the 系统设置
 * screen and by `yekuo calendar`, so both count working days from the same stored tables.
 */
import type { CalendarView, HolidayYear, NamedDay } from '../../../shared/api/settings';
import { builtinHolidayTables } from '../../../shared/calendar/builtinHolidays';
import { parseHolidayTable, type HolidayTable } from '../../../shared/calendar/holidayTable';
import { holidayKey } from '../../db/repositories/configRepo';
import type { HandlerContext } from '../../ipc/context';
import { fieldDiff } from '../canonicalJson';
import { mutate } from '../mutation';
import { configurationInForce } from './inForce';
import { parseJsonFile, refuseFile } from './jsonFile';
import { storedHolidayTables, storeHolidayTable } from './storedConfig';

const LABEL = '节假日表文件';

const namedDays = (days: Record<string, string>): NamedDay[] =>
  Object.entries(days)
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));

function summary(table: HolidayTable, origin: HolidayYear['origin'], loaded: HolidayYear['loaded']): HolidayYear {
  return {
    year: table.year,
    origin,
    source: table.source ?? null,
    daysOff: Object.keys(table.daysOff).length,
    workdays: Object.keys(table.workdays).length,
    loaded,
  };
}

/** Every covered year (a loaded table replaces the built-in one) and the named days of `year`. */
export function calendarView(ctx: HandlerContext, year: number): CalendarView {
  const byYear = new Map<number, { table: HolidayTable; summary: HolidayYear }>();
  for (const table of builtinHolidayTables())
    byYear.set(table.year, { table, summary: summary(table, 'builtin', null) });
  for (const { table, loaded } of storedHolidayTables(ctx.db)) {
    byYear.set(table.year, { table, summary: summary(table, 'loaded', loaded) });
  }
  const chosen = byYear.get(year)?.table;
  return {
    years: [...byYear.values()].map((y) => y.summary).sort((a, b) => a.year - b.year),
    year,
    covered: chosen !== undefined,
    daysOff: chosen ? namedDays(chosen.daysOff) : [],
    workdays: chosen ? namedDays(chosen.workdays) : [],
  };
}

/** Validates and stores one year's table (replacing that year), audited; in force for the next deadline. */
export function loadHolidayTable(ctx: HandlerContext, text: string): CalendarView {
  const load = parseHolidayTable(parseJsonFile(text, LABEL));
  if (!load.ok) throw refuseFile(LABEL, load.problems);
  const { table } = load;
  return mutate(ctx, ({ db, changeSeq, clock, session }) => {
    const before = storedHolidayTables(db).find((s) => s.table.year === table.year)?.table ?? null;
    storeHolidayTable(db, table, { at: clock.at, by: session.name }, changeSeq);
    return {
      result: calendarView(ctx, table.year),
      audit: {
        action: 'settings.loadHolidays',
        entity: 'settings',
        entityId: holidayKey(table.year),
        diff: fieldDiff(before, table),
      },
    };
  });
}

/** The holiday-aware calendar in force, for `yekuo calendar` (day kinds, names and coverage warnings). */
export const holidaysInForce = (ctx: Pick<HandlerContext, 'db'>) => configurationInForce(ctx.db).holidays;
