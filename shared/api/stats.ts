/** 统计与风险 › 流程分析、模拟分析、预测 (issue 15): inputs and outputs of the stats channels. */
import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';
import { BUSINESS_TYPES, TIME_LIMIT_CLASSES } from '../domain/codes';
import type { GroupForecast } from '../stats/forecast';
import type { ProcessAnalysis } from '../stats/processAnalysis';
import { SCENARIOS, type SimulationResult } from '../stats/simulation';

const isoDate = z.string().refine(isIsoDate, '应为有效日期，格式 YYYY-MM-DD');

/** Which applications: accepted in [from, to] (Asia/Shanghai dates), of these business types and classes. */
export const statsFilterSchema = z
  .object({
    from: isoDate.optional().describe('受理日期起'),
    to: isoDate.optional().describe('受理日期止'),
    businessTypes: z.array(z.enum(BUSINESS_TYPES)).max(BUSINESS_TYPES.length).optional().describe('业务类型'),
    timeLimitClasses: z
      .array(z.enum(TIME_LIMIT_CLASSES))
      .max(TIME_LIMIT_CLASSES.length)
      .optional()
      .describe('时限分类'),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '受理日期起不能晚于受理日期止', path: ['to'] });
export type StatsFilter = z.input<typeof statsFilterSchema>;

export const MAX_SIMULATION_RUNS = 100_000;

export const statsInputs = {
  process: statsFilterSchema,
  simulate: z
    .object({
      filter: statsFilterSchema.optional(),
      scenario: z.enum(SCENARIOS).describe('模拟方案'),
      runs: z.number().int().min(100).max(MAX_SIMULATION_RUNS).optional().describe('模拟次数'),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional()
        .describe('随机种子'),
    })
    .strict(),
  forecast: z.object({}).strict(),
  exportXlsx: z
    .object({
      table: z.enum(['process', 'forecast']).describe('导出内容'),
      filter: statsFilterSchema.optional(),
    })
    .strict(),
};
export type StatsTableRequest = z.output<typeof statsInputs.exportXlsx>;

export interface ProcessReport extends ProcessAnalysis {
  filter: { from: string | null; to: string | null };
  /** Counted in the calendar before its last change: the new count is being made in the background. */
  recalculating: boolean;
}

export interface ForecastReport {
  /** The history's months (YYYY-MM), oldest first; the current, incomplete month is left out. */
  months: string[];
  /** The HORIZON months forecast. */
  forecastMonths: string[];
  groups: GroupForecast[];
}

export type { SimulationResult };
