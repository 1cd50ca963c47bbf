import { closeRiskFlag, listRiskFlags } from '../../services/risk/flags';
import { handler } from '../handler';

/** 统计与风险 › 风险: the stored risk flags and their closing, for supervisors and administrators. */
export const riskHandlers = {
  'risk.list': handler('risk.list', { role: 'supervisor', run: (ctx, input) => listRiskFlags(ctx, input) }),
  'risk.close': handler('risk.close', { role: 'supervisor', run: (ctx, input) => closeRiskFlag(ctx, input) }),
};
