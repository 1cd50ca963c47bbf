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

/** A menu screen, or one application's detail page (`#/app/<申请编号>`, reached from lists). */
export type Route = { key: RouteKey } | { key: 'application'; number: string };

export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const detail = /^app\/(.+)$/.exec(path);
  if (detail?.[1]) return { key: 'application', number: decodeURIComponent(detail[1]) };
  return { key: ROUTES.find((r) => r.key === path)?.key ?? 'workbench' };
}

export function hashOf(route: Route): string {
  return route.key === 'application' ? `#/app/${encodeURIComponent(route.number)}` : `#/${route.key}`;
}
