import { Tag, Tooltip } from 'antd';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../../shared/workflow/clock';

/** 正常 green, 临期 amber, 超期 red: the colours clerks know from the incumbent systems (AA contrast). */
export const DEADLINE_COLORS: Record<DeadlineState, string | undefined> = {
  NONE: undefined,
  NORMAL: '#237804',
  DUE_SOON: '#ad4e00',
  OVERDUE: '#a8071a',
};

/** What each state means, on hovering its tag (the 临期 thresholds are the profile's deadlines.*). */
export const DEADLINE_STATE_HELP: Record<DeadlineState, string> = {
  NORMAL: '正常：离环节时限和全流程时限的到期日都还有余量。',
  DUE_SOON:
    '临期：已进入时限的预警期（系统设置 › 省级参数 › 时限，默认时限用去 80% 或只剩最后 1 个工作日；开始当天不算临期），请优先办理。',
  OVERDUE: '超期：已过环节或全流程的到期日，仍未办完该环节。',
  NONE: '不计时：当前环节不单独计时（如现场勘查计入供电方案的时限，业务收费、受电工程施工、签订合同是客户的时间），或申请已挂起、已办结。',
};

export function DeadlineTag({ state }: { state: DeadlineState }) {
  return (
    <Tooltip title={DEADLINE_STATE_HELP[state]}>
      <Tag color={DEADLINE_COLORS[state]}>{DEADLINE_STATE_LABELS[state]}</Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<ApplicationStatus, string | undefined> = {
  ACTIVE: '#0958d9',
  SUSPENDED: '#ad4e00',
  CANCELLED: undefined,
  ARCHIVED: '#595959',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{APPLICATION_STATUS_LABELS[status]}</Tag>;
}
