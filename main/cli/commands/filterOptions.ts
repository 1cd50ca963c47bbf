import type { Command } from 'commander';
import type { ApplicationFilterInput } from '../../../shared/api/applications';
import { list } from '../cliInput';

export interface FilterOptions {
  stage?: string;
  type?: string;
  class?: string;
  status?: string;
  deadline?: string;
  from?: string;
  to?: string;
  assignee?: string;
  order?: string;
  limit?: string;
  cursor?: string;
}

/** The list and search filters, shared by `app list` and `search`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--stage <codes>', '环节代码，逗号分隔 / stage codes')
    .option('--type <codes>', '业务类型代码 / business type codes')
    .option('--class <codes>', '用户分类 LVR,LVN,HV / customer classes')
    .option('--status <codes>', '状态 ACTIVE,SUSPENDED,CANCELLED,ARCHIVED / statuses')
    .option('--deadline <state>', '时限状态 NONE|NORMAL|DUE_SOON|OVERDUE / deadline state')
    .option('--from <date>', '申请日期起 YYYY-MM-DD / application date from')
    .option('--to <date>', '申请日期止 YYYY-MM-DD / application date to')
    .option('--assignee <id>', '经办人工号 / assignee user id')
    .option('--order <order>', '排序 newest|dueAsc|dueDesc（默认 newest）/ row order')
    .option('--limit <n>', '每页条数（默认 50）/ page size')
    .option('--cursor <c>', '下一页标记 / next-page cursor');
}

/** Raw option values in the shape of the channel input; the channel schema then checks them. */
export function filterFrom(o: FilterOptions): Record<string, unknown> {
  const filter: Record<keyof ApplicationFilterInput, unknown> = {
    stages: list(o.stage),
    businessTypes: list(o.type),
    customerClasses: list(o.class),
    statuses: list(o.status),
    deadline: o.deadline,
    applicationDateFrom: o.from,
    applicationDateTo: o.to,
    assignee: o.assignee,
    order: o.order,
    limit: o.limit === undefined ? undefined : Number(o.limit),
    cursor: o.cursor,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}
