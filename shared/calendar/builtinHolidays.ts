/**
 * Built-in holiday tables, taken from the maintained `chinese-days` package (updated after each yearly
 * 国务院办公厅 notice; MIT). Its data file maps a date to "English,中文,days"; we keep the Chinese name.
 */
import data from 'chinese-days/dist/chinese-days.json';
import type { HolidayTable } from './holidayTable';

const chineseName = (label: string): string => label.split(',')[1] ?? label;

export function builtinHolidayTables(): HolidayTable[] {
  const byYear = new Map<number, HolidayTable>();
  const tableOf = (date: string): HolidayTable => {
    const year = Number(date.slice(0, 4));
    let table = byYear.get(year);
    if (!table) {
      table = { year, source: 'chinese-days 1.5.7（国务院办公厅节假日安排通知）', daysOff: {}, workdays: {} };
      byYear.set(year, table);
    }
    return table;
  };
  for (const [date, label] of Object.entries(data.holidays)) tableOf(date).daysOff[date] = chineseName(label);
  for (const [date, label] of Object.entries(data.workdays)) tableOf(date).workdays[date] = chineseName(label);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
