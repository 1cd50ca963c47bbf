import { SUPPORT_ADMIN_ID } from './harness';
import { E2E_PASSWORD } from './session';

/**
 * The environment of a `yekuo` process run on a harness's data folder: it acts as the seeded administrator
 * `web-admin` (every harness folder has it), signing in with YEKUO_USER / YEKUO_PASSWORD like any script.
 */
export const CLI_AS_ADMIN: NodeJS.ProcessEnv = {
  ...process.env,
  YEKUO_USER: SUPPORT_ADMIN_ID,
  YEKUO_PASSWORD: E2E_PASSWORD,
};
