import { systemInfo } from '../../services/systemInfo';
import { handler } from '../handler';

export const systemHandlers = {
  'system.info': handler('system.info', { role: 'clerk', run: (ctx) => systemInfo(ctx) }),
};
