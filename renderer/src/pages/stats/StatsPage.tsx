import { Alert, Button, Tabs, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { useSessionRole } from '../../shell/SessionContext';
import { ForecastTab } from './ForecastTab';
import { MeetingReport } from './MeetingReport';
import { PortraitTab } from './PortraitTab';
import { ProcessTab } from './ProcessTab';
import { RiskTab } from './RiskTab';

/**
 * 统计与风险 (issue 15): what goes wrong in the hall and why. For supervisors and administrators; the main
 * process refuses the stats and risk channels to clerks as well, this only spares them a page of refusals.
 */
export function StatsPage() {
  const role = useSessionRole();
  const [meeting, setMeeting] = useState(false);
  const title = (
    <Typography.Title level={3} data-testid="page-title" style={{ marginTop: 0 }}>
      统计与风险
    </Typography.Title>
  );
  if (!roleAtLeast(role, 'supervisor')) {
    return (
      <div>
        {title}
        <Alert type="info" showIcon title="统计与风险仅供班长/审核员和系统管理员使用。" />
      </div>
    );
  }
  if (meeting) {
    return (
      <div>
        <div className="no-print">{title}</div>
        <MeetingReport onClose={() => setMeeting(false)} />
      </div>
    );
  }
  const items = [
    { key: 'risk', label: '风险', children: <RiskTab /> },
    { key: 'process', label: '流程分析', children: <ProcessTab /> },
    { key: 'portrait', label: '客户画像', children: <PortraitTab /> },
    { key: 'forecast', label: '预测', children: <ForecastTab /> },
  ];
  return (
    <div>
      {/* Beside the title, not in the tab bar: a button inside role=tablist breaks its ARIA contract. */}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start' }}>
        {title}
        <Button icon={<PrinterOutlined />} onClick={() => setMeeting(true)}>
          例会打印视图
        </Button>
      </div>
      <Tabs items={items} destroyOnHidden />
    </div>
  );
}
