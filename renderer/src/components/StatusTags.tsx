import { Tag } from 'antd';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../../shared/domain/codes';
import { DEADLINE_STATE_LABELS, type DeadlineState } from '../../../shared/workflow/clock';

/** 正常 green, 临期 amber, 超期 red: the colours clerks know from the incumbent systems (AA contrast). */
export const DEADLINE_COLORS: Record<DeadlineState, string | undefined> = {
  NONE: undefined,
  NORMAL: '#237804',
  DUE_SOON: '#ad4e00',
  OVERDUE: '#a8071a',
};

export function DeadlineTag({ state }: { state: DeadlineState }) {
  return <Tag color={DEADLINE_COLORS[state]}>{DEADLINE_STATE_LABELS[state]}</Tag>;
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
