import { forecastReport } from '../../services/stats/forecastReport';
import { processReport } from '../../services/stats/processReport';
import { runSimulation } from '../../services/stats/runSimulation';
import { statsXlsx } from '../../services/stats/statsXlsx';
import { handler } from '../handler';

/** 统计与风险 › 流程分析、模拟分析、预测: read-only, for supervisors and administrators. */
export const statsHandlers = {
  'stats.process': handler('stats.process', { role: 'supervisor', run: (ctx, input) => processReport(ctx, input) }),
  'stats.simulate': handler('stats.simulate', { role: 'supervisor', run: (ctx, input) => runSimulation(ctx, input) }),
  'stats.forecast': handler('stats.forecast', { role: 'supervisor', run: (ctx) => forecastReport(ctx) }),
  'stats.exportXlsx': handler('stats.exportXlsx', { role: 'supervisor', run: (ctx, input) => statsXlsx(ctx, input) }),
};
