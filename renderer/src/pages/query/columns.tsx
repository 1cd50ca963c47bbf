import type { TableColumnsType } from 'antd';
import type { ApplicationSummary } from '../../../../shared/api/applications';
import { BUSINESS_TYPE_INFO, CUSTOMER_CLASS_LABELS, STAGE_LABELS } from '../../../../shared/domain/codes';
import { DeadlineTag, StatusTag } from '../../components/StatusTags';

/** The list columns; ID numbers and phones arrive masked from the main process. */
export const APPLICATION_COLUMNS: TableColumnsType<ApplicationSummary> = [
  { title: '申请编号', dataIndex: 'number', width: 190, fixed: 'left' },
  { title: '户名', dataIndex: 'customerName', width: 200, ellipsis: true },
  { title: '业务类型', width: 130, render: (_, row) => BUSINESS_TYPE_INFO[row.businessType].label },
  { title: '环节', width: 110, render: (_, row) => STAGE_LABELS[row.stage] },
  { title: '状态', width: 90, render: (_, row) => <StatusTag status={row.status} /> },
  { title: '时限', width: 80, render: (_, row) => <DeadlineTag state={row.deadlineState} /> },
  {
    title: '到期日',
    key: 'dueDate',
    dataIndex: 'dueDate',
    width: 110,
    render: (value: string | null) => value ?? '—',
    // Sorted by the main process (keyset pages over the whole list), never by antd on the loaded rows.
    sorter: true,
    sortDirections: ['ascend', 'descend'],
  },
  { title: '证件号码', dataIndex: 'idNumber', width: 190 },
  { title: '联系电话', dataIndex: 'phone', width: 130 },
  { title: '用户分类', width: 100, render: (_, row) => CUSTOMER_CLASS_LABELS[row.customerClass] },
  { title: '申请日期', dataIndex: 'applicationDate', width: 110 },
  { title: '经办人', dataIndex: 'assignee', width: 110, render: (value: string | null) => value ?? '—' },
  { title: '用电地址', dataIndex: 'address', width: 320, ellipsis: true },
];
