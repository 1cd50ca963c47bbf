import { ASSIGNEE_ME, LIST_ORDERS } from '../../../shared/api/applications';
import type { SavedQuery } from '../../../shared/api/savedFilters';
import { APPLICATION_STATUSES, BUSINESS_TYPES, CUSTOMER_CLASSES, STAGES } from '../../../shared/domain/codes';
import { DEADLINE_STATES } from '../../../shared/workflow/clock';

/** The side menu: one entry per screen. Keys are stable (used in the URL hash and the e2e page objects). */
export const ROUTES = [
  { key: 'workbench', label: '工作台', description: '我的待办、临期与超期提醒、容缺资料到期。' },
  { key: 'intake', label: '业务受理', description: '选择业务类型与用户分类后录入申请，逐项校验。' },
  { key: 'query', label: '申请查询', description: '按户名、证件号码、电话、地址、申请编号检索申请。' },
  { key: 'risk', label: '统计与风险', description: '时限、方案变更与合同偏离的风险看板。' },
  { key: 'export', label: '数据导出', description: '向总部增量导出已签名的数据包。' },
  { key: 'settings', label: '系统设置', description: '营业厅信息、省级参数、节假日表与用户。' },
] as const;

export type RouteKey = (typeof ROUTES)[number]['key'];

/**
 * A menu screen; 申请查询 with its search and filters (`#/query?stage=SURVEY&deadline=OVERDUE&assignee=me`), so
 * a reload or Back keeps them; or one application's detail page (`#/app/<申请编号>`, reached from lists).
 */
export type Route =
  { key: Exclude<RouteKey, 'query'> } | { key: 'query'; query?: SavedQuery } | { key: 'application'; number: string };

/**
 * The hash parameters of 申请查询, named as the CLI's options (`yekuo app list --stage …`). They carry exactly
 * what the filter controls show: no application dates and no other user as 经办人, which a hash would otherwise
 * apply unseen.
 */
const LISTS = [
  ['stage', 'stages', STAGES],
  ['type', 'businessTypes', BUSINESS_TYPES],
  ['class', 'customerClasses', CUSTOMER_CLASSES],
  ['status', 'statuses', APPLICATION_STATUSES],
] as const;
const TEXT_MAX = 100;

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): value is T =>
  value !== null && (allowed as readonly string[]).includes(value);

/**
 * The query of a hash's `?…` part. A hand-edited or stale hash never fails: unknown parameters and values that
 * are not codes of their list are dropped, the rest applies.
 */
export function queryFromSearch(search: string): SavedQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, unknown> = {};
  for (const [param, key, allowed] of LISTS) {
    const values = params.getAll(param).flatMap((value) => value.split(','));
    const codes = [...new Set(values.filter((value) => oneOf(allowed, value)))];
    if (codes.length) query[key] = codes;
  }
  const deadline = params.get('deadline');
  if (oneOf(DEADLINE_STATES, deadline)) query.deadline = deadline;
  if (params.get('assignee') === 'me') query.assignee = ASSIGNEE_ME;
  // newest is the list's default order and is left out, so one query has one hash.
  const order = params.get('order');
  if (oneOf(LIST_ORDERS, order) && order !== 'newest') query.order = order;
  const text = params.get('q')?.trim();
  if (text && text.length <= TEXT_MAX) query.text = text;
  return query as SavedQuery;
}

/** The `?…` part for a query (empty for none); the inverse of queryFromSearch for what the controls show. */
export function searchOf(query: SavedQuery): string {
  const parts: string[] = [];
  for (const [param, key] of LISTS) {
    const codes = query[key];
    // Codes are [A-Z_]: the commas stay readable instead of %2C.
    if (codes?.length) parts.push(`${param}=${codes.join(',')}`);
  }
  if (query.deadline) parts.push(`deadline=${query.deadline}`);
  if (query.assignee === ASSIGNEE_ME) parts.push('assignee=me');
  if (query.order && query.order !== 'newest') parts.push(`order=${query.order}`);
  const text = query.text?.trim();
  if (text) parts.push(`q=${encodeURIComponent(text)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export function routeFromHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split(/\?(.*)/s);
  const detail = /^app\/(.+)$/.exec(path);
  if (detail?.[1]) {
    try {
      return { key: 'application', number: decodeURIComponent(detail[1]) };
    } catch {
      // A malformed escape (hand-edited): not an application number; fall through to the workbench.
    }
  }
  if (path === 'query') return { key: 'query', query: queryFromSearch(search) };
  return { key: ROUTES.find((r) => r.key === path)?.key ?? 'workbench' };
}

export function hashOf(route: Route): string {
  if (route.key === 'application') return `#/app/${encodeURIComponent(route.number)}`;
  if (route.key === 'query') return `#/query${searchOf(route.query ?? {})}`;
  return `#/${route.key}`;
}
