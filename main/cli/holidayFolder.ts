/**
 * Holiday tables an administrator loaded, kept as `<data>/holidays/<year>.json` beside the database so every
 * tool that opens the data folder counts working days the same way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseHolidayTable, type HolidayTable } from '../../shared/calendar/holidayTable';

const folderOf = (dataDir: string): string => path.join(dataDir, 'holidays');

/** Valid tables of the folder; an invalid file is reported on stderr and skipped (the built-in years stay). */
export function loadHolidayFolder(dataDir: string): HolidayTable[] {
  const folder = folderOf(dataDir);
  if (!fs.existsSync(folder)) return [];
  const tables: HolidayTable[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    } catch {
      process.stderr.write(`警告：节假日表 ${file} 不是有效的 JSON，已跳过。\n`);
      continue;
    }
    const load = parseHolidayTable(json);
    if (load.ok) tables.push(load.table);
    else process.stderr.write(`警告：节假日表 ${file} 无效，已跳过：${load.problems.join('；')}\n`);
  }
  return tables;
}

/** Writes a validated table; a table for the same year replaces the earlier one. */
export function saveHolidayTable(dataDir: string, table: HolidayTable): string {
  const folder = folderOf(dataDir);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${table.year}.json`);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(table, null, 2)}\n`);
  fs.renameSync(temp, file);
  return file;
}
