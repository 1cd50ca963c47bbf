import { Alert } from 'antd';
import { api } from '../../api';
import { useLoaded } from '../../shell/useLoaded';
import { RiskFlagTable } from '../stats/RiskFlagTable';

/**
 * 风险: the risk flags that name this application (open and closed), as on 统计与风险. `revision` changes when
 * the application does, since a change recomputes its flags.
 */
export function RiskFlagsPanel({ number, revision }: { number: string; revision: number }) {
  const [page, reload] = useLoaded(() => api.risk.list({ application: number, limit: 200 }), `${number}-${revision}`);
  if (page.state === 'error')
    return <Alert type="error" showIcon title="风险标记读取失败" description={page.message} />;
  return (
    <RiskFlagTable
      page={page.state === 'ready' ? page.value : null}
      loading={page.state === 'loading'}
      onChanged={reload}
    />
  );
}
