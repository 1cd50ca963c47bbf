/**
 * 保存的筛选: each user's named queries of 申请查询, kept in the hall database (saved_filters, migration 0003)
 * so they follow the user to any workstation of the hall, with the built-in presets listed first.
 */
import { PRESET_FILTERS, savedQuerySchema, type SavedFilter, type SavedQuery } from '../../../shared/api/savedFilters';
import {
  deleteSavedFilter,
  savedFilterById,
  savedFilterByName,
  savedFiltersOf,
  upsertSavedFilter,
  type SavedFilterRow,
} from '../../db/repositories/savedFilterRepo';
import type { HandlerContext } from '../../ipc/context';
import { AppError } from '../errors';
import { mutate } from '../mutation';

/** Rows written by an older app may not parse under today's schema; such a filter is skipped, not fatal. */
function filterOf(row: SavedFilterRow): SavedFilter | null {
  const query = savedQuerySchema.safeParse(JSON.parse(row.query_json));
  return query.success ? { id: String(row.id), name: row.name, query: query.data, builtIn: false } : null;
}

export function listSavedFilters(ctx: HandlerContext): SavedFilter[] {
  const own = savedFiltersOf(ctx.db, ctx.session.userId).map(filterOf);
  return [...PRESET_FILTERS, ...own.filter((f): f is SavedFilter => f !== null)];
}

export function saveFilter(ctx: HandlerContext, input: { name: string; query: SavedQuery }): SavedFilter {
  if (PRESET_FILTERS.some((preset) => preset.name === input.name)) {
    throw new AppError('CONFLICT', `筛选名称：“${input.name}”是内置筛选的名称，请换一个名称。`);
  }
  return mutate(ctx, ({ db, changeSeq, clock }) => {
    const userId = ctx.session.userId;
    const before = savedFilterByName(db, userId, input.name);
    const queryJson = JSON.stringify(input.query);
    const id = upsertSavedFilter(
      db,
      { user_id: userId, name: input.name, query_json: queryJson, created_at: clock.at },
      changeSeq,
    );
    return {
      result: { id: String(id), name: input.name, query: input.query, builtIn: false },
      audit: {
        action: before ? 'filter.update' : 'filter.create',
        entity: 'saved_filter',
        entityId: String(id),
        diff: {
          name: { before: before?.name ?? null, after: input.name },
          query: { before: before?.query_json ?? null, after: queryJson },
        },
      },
    };
  });
}

export function deleteFilter(ctx: HandlerContext, id: string): null {
  return mutate(ctx, ({ db }) => {
    const row = savedFilterById(db, ctx.session.userId, Number(id));
    if (!row) throw new AppError('NOT_FOUND', '找不到这个保存的筛选（可能已被删除）：请刷新筛选列表。');
    deleteSavedFilter(db, row.id);
    return {
      result: null,
      audit: {
        action: 'filter.delete',
        entity: 'saved_filter',
        entityId: id,
        diff: { name: { before: row.name, after: null }, query: { before: row.query_json, after: null } },
      },
    };
  });
}
