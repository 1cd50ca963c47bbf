/**
 * `yekuo calendar is-workday DATE...`, `add-workdays DATE N` and `load FILE`: the working-day calendar of
 * REFERENCE.md §3.6, with the holiday tables an administrator loaded into the data folder's database (the same
 * tables, loaded the same way, as the 系统设置 screen: main/services/settings/holidayTables.ts).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { holidayCalendar, type HolidayCalendar } from '../../../shared/calendar/holidayCalendar';
import { isIsoDate } from '../../../shared/calendar/isoDate';
import { holidaysInForce, loadHolidayTable } from '../../services/settings/holidayTables';
import { readValues } from '../readValues';
import { CliFailure, EXIT, openStore, type GlobalOptions } from '../runtime';
import { withContext } from '../withContext';

/**
 * Without a data folder, the built-in years only. With one, its loaded holiday tables: public dates, read
 * without a user (like `check` and `validate`, the calendar touches no application).
 */
function calendarFor(options: GlobalOptions): HolidayCalendar {
  if (!(options.data ?? process.env.YEKUO_DATA)) return holidayCalendar();
  const store = openStore(options);
  try {
    return holidaysInForce(store);
  } finally {
    store.db.close();
  }
}

/** The coverage warning goes to stderr so piped output stays one line per date, but is never dropped. */
function warnCoverage(calendar: HolidayCalendar, dates: string[]): void {
  const warning = calendar.coverageWarning(...dates);
  if (warning) process.stderr.write(`警告：${warning}\n`);
}

function requireDate(date: string): void {
  if (!isIsoDate(date)) {
    throw new CliFailure(EXIT.USAGE, `“${date}”不是有效日期，请写成 YYYY-MM-DD。`, `not a date: ${date}`);
  }
}

export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('工作日日历 / working-day calendar');

  calendar
    .command('is-workday')
    .description('逐个日期判断是否工作日（“-”从标准输入读取）/ workday or holiday for each date (- reads stdin)')
    .argument('<dates...>', 'YYYY-MM-DD')
    .action((args: string[], _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const dates = readValues(args);
      dates.forEach(requireDate);
      const cal = calendarFor(options);
      warnCoverage(cal, dates);
      const lines = dates.map((date) => {
        const day = cal.dayInfo(date);
        if (options.json) return JSON.stringify(day);
        const name = day.kind === 'MAKEUP_WORKDAY' ? `${day.name}（调休上班）` : (day.name ?? '');
        return [date, day.workday ? 'workday' : 'holiday', name].filter((c) => c !== '').join('\t');
      });
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  calendar
    .command('add-workdays')
    .description('DATE 之后第 N 个工作日（DATE 当天不计）/ the N-th working day after DATE (DATE not counted)')
    .argument('<date>', 'YYYY-MM-DD')
    .argument('<n>', '工作日数 / working days (0 or more)')
    .action((date: string, n: string, _options: unknown, command: Command) => {
      requireDate(date);
      if (!/^\d{1,4}$/.test(n)) {
        throw new CliFailure(EXIT.USAGE, `工作日数“${n}”无效，请给出 0 到 9999 的整数。`, `bad number of days: ${n}`);
      }
      const cal = calendarFor(command.optsWithGlobals<GlobalOptions>());
      const result = cal.addWorkdays(date, Number(n));
      warnCoverage(cal, [date, result]);
      process.stdout.write(`${result}\n`);
    });

  calendar
    .command('load')
    .description('载入一年的节假日表（JSON，需 --data）/ load one year holiday table into the data folder')
    .argument('<file>', '节假日表 JSON / holiday table JSON')
    .action(async (file: string) => {
      let text: string;
      try {
        text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new CliFailure(EXIT.USAGE, `无法读取节假日表“${file}”：${detail}`, `cannot read ${file}`);
      }
      const view = await withContext(program, 'settings.loadHolidays', (ctx) => loadHolidayTable(ctx, text));
      process.stdout.write(
        `已载入 ${view.year} 年节假日表：${view.daysOff.length} 天放假，${view.workdays.length} 天调休上班。\n`,
      );
    });
}
