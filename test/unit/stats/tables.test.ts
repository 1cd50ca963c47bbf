import { describe, expect, it } from 'vitest';
import { weekendOnlyCalendar } from '../../../shared/calendar/calendar';
import type { ApplicationHistory, StageEventInput } from '../../../shared/stats/history';
import { analyseProcess } from '../../../shared/stats/processAnalysis';
import { connectionTable, stageTable } from '../../../shared/stats/tables';
import { DEFAULT_TIME_LIMITS } from '../../../shared/workflow/timeLimits';

const ev = (action: string, date: string, from: StageEventInput['from'], to: StageEventInput['to']) =>
  ({ action, date, from, to, reasonCode: null }) satisfies StageEventInput;

// One low-voltage residential connection done in 3 working days; one non-residential application now at 现场勘查.
const histories: ApplicationHistory[] = [
  {
    id: 1,
    businessType: 'NEW_LVR',
    timeLimitClass: 'LVR',
    events: [
      ev('create', '2026-03-02', null, 'ACCEPT'),
      ev('advance', '2026-03-03', 'ACCEPT', 'METER_CONNECT'),
      ev('advance', '2026-03-05', 'METER_CONNECT', 'ARCHIVE'),
      ev('archive', '2026-03-05', 'ARCHIVE', null),
    ],
  },
  {
    id: 2,
    businessType: 'NEW_LVN',
    timeLimitClass: 'LVN',
    events: [ev('create', '2026-03-04', null, 'ACCEPT'), ev('advance', '2026-03-05', 'ACCEPT', 'SURVEY')],
  },
];
const report = {
  ...analyseProcess(histories, weekendOnlyCalendar, DEFAULT_TIME_LIMITS),
  filter: { from: null, to: null },
  recalculating: false,
};
const column = (table: { headers: string[]; rows: string[][] }, heading: string, first: string) =>
  table.rows.find((row) => row[0] === first)?.[table.headers.lastIndexOf(heading)];

describe('the stats tables', () => {
  it('show a share of nothing as 无数据, not 0 %', () => {
    const connection = connectionTable(report);
    expect(column(connection, '承诺内占比', '低压居民')).toBe('100%');
    expect(column(connection, '承诺内占比', '低压非居民')).toBe('—');
    expect(column(connection, '承诺内占比', '高压双电源')).toBe('—');
    const stages = stageTable(report);
    expect(column(stages, '退回占比', '业务受理')).toBe('0%');
    expect(column(stages, '等待占比', '装表接电')).toBe('0%');
    // 现场勘查 has one application in it and none that left it: no share to show yet.
    expect(column(stages, '在办', '现场勘查')).toBe('1');
    expect(column(stages, '退回占比', '现场勘查')).toBe('—');
    expect(column(stages, '等待占比', '现场勘查')).toBe('—');
  });
});
