/**
 * Channels of the 系统设置 screen: the hall's name, the province profile (省级规则配置) and the holiday tables
 * in force. Files are read by the renderer and sent as text, so the main process parses them (zod) itself.
 */
import { z } from 'zod';
import type { RuleProfile } from '../rules/profile/profile';
import type { TimeLimits } from '../workflow/timeLimits';

/** Big enough for any profile or holiday table, small enough that a wrong file cannot stall the service. */
const fileText = (label: string) =>
  z
    .string()
    .min(1, `${label}为空，请选择正确的 JSON 文件`)
    .max(1_000_000, `${label}超过 1 MB，请检查是否选错文件`)
    .describe(label);

export const settingsInputs = {
  hallUpdate: z.object({ name: z.string().trim().min(1, '请填写营业厅名称').max(100).describe('营业厅名称') }).strict(),
  loadProfile: z.object({ text: fileText('省级规则配置文件') }).strict(),
  loadHolidays: z.object({ text: fileText('节假日表文件') }).strict(),
  calendar: z
    .object({
      year: z.number().int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间').describe('年份'),
    })
    .strict(),
};

/** Who loaded a setting and when (null: the built-in one is in force). */
export interface LoadedBy {
  at: string;
  by: string;
}

/** 省级规则配置 in force, with the time limits derived from it. */
export interface ProfileView {
  profile: RuleProfile;
  loaded: LoadedBy | null;
  timeLimits: TimeLimits;
}

export interface HolidayYear {
  year: number;
  /** builtin: shipped with the app (chinese-days); loaded: an administrator's file, which replaces the built-in year. */
  origin: 'builtin' | 'loaded';
  source: string | null;
  daysOff: number;
  workdays: number;
  loaded: LoadedBy | null;
}

export interface NamedDay {
  date: string;
  name: string;
}

/** The holiday calendar in force: every covered year, and the days of the year asked for. */
export interface CalendarView {
  years: HolidayYear[];
  year: number;
  /** False when `year` has no table: deadlines in it count Monday–Friday only. */
  covered: boolean;
  daysOff: NamedDay[];
  workdays: NamedDay[];
}
