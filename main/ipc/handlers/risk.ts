import { closeRiskFlag, flagApplications, listRiskFlags } from '../../services/risk/flags';
import { handler } from '../handler';

/** 统计与风险 › 风险: the stored risk flags and their closing, for supervisors and administrators. */
export const riskHandlers = {
  'risk.list': handler('risk.list', { role: 'supervisor', run: (ctx, input) => listRiskFlags(ctx, input) }),
  'risk.applications': handler('risk.applications', {
    role: 'supervisor',
    run: (ctx, input) => flagApplications(ctx, input),
  }),
  'risk.close': handler('risk.close', { role: 'supervisor', run: (ctx, input) => closeRiskFlag(ctx, input) }),
};
