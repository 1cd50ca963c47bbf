import { List, Space } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationSummary } from '../../../../shared/api/applications';
import { BUSINESS_TYPE_INFO } from '../../../../shared/domain/codes';
import { DeadlineTag } from '../../components/StatusTags';
import { navigate } from '../../shell/useHashRoute';

type Listed = Pick<ApplicationSummary, 'number' | 'customerName' | 'businessType' | 'deadlineState'>;

/** An application in a workbench list: customer and business type, then `children`; click or Enter opens it. */
export function ApplicationListItem({ item, children }: { item: Listed; children: ReactNode }) {
  const open = () => navigate({ key: 'application', number: item.number });
  return (
    <List.Item
      style={{ cursor: 'pointer' }}
      tabIndex={0}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
      extra={<DeadlineTag state={item.deadlineState} />}
    >
      <Space orientation="vertical" size={2}>
        <span>
          {item.customerName} · {BUSINESS_TYPE_INFO[item.businessType].label}
        </span>
        {children}
      </Space>
    </List.Item>
  );
}
