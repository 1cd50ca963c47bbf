import { Alert, Tabs, Typography } from 'antd';
import { roleAtLeast } from '../../../../shared/domain/codes';
import { useSessionRole } from '../../shell/SessionContext';
import { ForecastTab } from './ForecastTab';
import { PortraitTab } from './PortraitTab';
import { ProcessTab } from './ProcessTab';
import { RiskTab } from './RiskTab';

/**
 * 统计与风险 (issue 15): what goes wrong in the hall and why. For supervisors and administrators; the main
 * process refuses the stats and risk channels to clerks as well, this only spares them a page of refusals.
 */
export function StatsPage() {
  const role = useSessionRole();
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
  const items = [
    { key: 'risk', label: '风险', children: <RiskTab /> },
    { key: 'process', label: '流程分析', children: <ProcessTab /> },
    { key: 'portrait', label: '客户画像', children: <PortraitTab /> },
    { key: 'forecast', label: '预测', children: <ForecastTab /> },
  ];
  return (
    <div>
      {title}
      <Tabs items={items} destroyOnHidden />
    </div>
  );
}
