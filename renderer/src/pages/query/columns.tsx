import type { TableColumnType } from 'antd';
import type { ApplicationSummary } from '../../../../shared/api/applications';
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS, STAGE_LABELS } from '../../../../shared/domain/codes';
import { DeadlineTag, StatusTag } from '../../components/StatusTags';

export type ApplicationColumn = TableColumnType<ApplicationSummary> & {
  key: string;
  title: string;
  width: number;
  /** Shown until the user chooses otherwise; together they fit 1366 px without horizontal scrolling. */
  essential: boolean;
};

/**
 * The list columns, each with a stable key (the column chooser remembers keys); ID numbers and phones arrive
 * masked from the main process. The essential ones fit a 1366 px screen beside the menu.
 */
export const APPLICATION_COLUMNS: readonly ApplicationColumn[] = [
  { key: 'number', title: '申请编号', dataIndex: 'number', width: 166, fixed: 'left', essential: true },
  { key: 'customerName', title: '户名', dataIndex: 'customerName', width: 124, ellipsis: true, essential: true },
  {
    key: 'businessType',
    title: '业务类型',
    width: 98,
    ellipsis: true,
    essential: true,
    render: (_, row) => BUSINESS_TYPE_INFO[row.businessType].label,
  },
  {
    key: 'stage',
    title: '环节',
    width: 96,
    ellipsis: true,
    essential: true,
    render: (_, row) => STAGE_LABELS[row.stage],
  },
  { key: 'status', title: '状态', width: 72, essential: true, render: (_, row) => <StatusTag status={row.status} /> },
  {
    key: 'deadline',
    title: '时限',
    width: 64,
    essential: true,
    render: (_, row) => <DeadlineTag state={row.deadlineState} />,
  },
  {
    title: '到期日',
    key: 'dueDate',
    dataIndex: 'dueDate',
    width: 100,
    essential: true,
    render: (value: string | null) => value ?? '—',
    // Sorted by the main process (keyset pages over the whole list), never by antd on the loaded rows.
    sorter: true,
    sortDirections: ['ascend', 'descend'],
  },
  { key: 'phone', title: '联系电话', dataIndex: 'phone', width: 104, essential: true },
  {
    key: 'assignee',
    title: '经办人',
    width: 70,
    ellipsis: true,
    essential: true,
    render: (_, row) => row.assigneeName ?? row.assignee ?? '—',
  },
  { key: 'address', title: '用电地址', dataIndex: 'address', width: 96, ellipsis: true, essential: true },
  { key: 'idNumber', title: '证件号码', dataIndex: 'idNumber', width: 190, essential: false },
  {
    key: 'customerClass',
    title: '用户分类',
    width: 100,
    essential: false,
    render: (_, row) => CUSTOMER_CLASS_LABELS[row.customerClass],
  },
  { key: 'applicationDate', title: '申请日期', dataIndex: 'applicationDate', width: 110, essential: false },
];

/** The columns shown when the user never chose: the essential ones. */
export const ESSENTIAL_COLUMN_KEYS: readonly string[] = APPLICATION_COLUMNS.filter((c) => c.essential).map(
  (c) => c.key,
);
