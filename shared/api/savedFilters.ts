/** 保存的筛选 saved filters: a user's named queries of 申请查询, plus the built-in presets every user sees. */
import { z } from 'zod';
import { ASSIGNEE_ME, applicationFilterSchema } from './applications';

/** What a saved filter restores: the search text and the filters, never a page position. */
export const savedQuerySchema = applicationFilterSchema
  .omit({ cursor: true, limit: true })
  .extend({ text: z.string().trim().max(100).optional().describe('搜索内容') })
  .strict();
export type SavedQuery = z.output<typeof savedQuerySchema>;

export const savedFilterInputs = {
  save: z.object({
    name: z.string().trim().min(1, '请填写筛选名称').max(40, '筛选名称不能超过 40 个字').describe('筛选名称'),
    query: savedQuerySchema,
  }),
  delete: z.object({ id: z.string().regex(/^\d+$/, '只能删除自己保存的筛选').describe('筛选') }),
};

export interface SavedFilter {
  /** `preset:<key>` for built-in presets, the row id for the user's own. */
  id: string;
  name: string;
  query: SavedQuery;
  builtIn: boolean;
}

/** Built-in presets: the lists clerks rebuilt by hand (or by RPA) every morning. */
const PRESETS: Omit<SavedFilter, 'builtIn'>[] = [
  { id: 'preset:my-due-soon', name: '我的临期', query: { assignee: ASSIGNEE_ME, deadline: 'DUE_SOON' } },
  { id: 'preset:my-overdue', name: '我的超期', query: { assignee: ASSIGNEE_ME, deadline: 'OVERDUE' } },
  {
    id: 'preset:my-due-soon-hv-new',
    name: '我的临期高压新装',
    query: { assignee: ASSIGNEE_ME, businessTypes: ['NEW_HV'], deadline: 'DUE_SOON' },
  },
  { id: 'preset:overdue-hv-new', name: '超期高压新装', query: { businessTypes: ['NEW_HV'], deadline: 'OVERDUE' } },
  { id: 'preset:suspended', name: '挂起中', query: { statuses: ['SUSPENDED'] } },
];
export const PRESET_FILTERS: readonly SavedFilter[] = PRESETS.map((preset) => ({ ...preset, builtIn: true }));
