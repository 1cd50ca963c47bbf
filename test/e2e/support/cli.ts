import { execFileSync } from 'node:child_process';
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

/** Runs `yekuo --data DIR …args` as the seeded administrator; throws when the command fails. */
export function yekuo(dataDir: string, ...args: string[]): Buffer {
  return execFileSync(process.execPath, ['bin/yekuo.mjs', '--data', dataDir, ...args], { env: CLI_AS_ADMIN });
}

export interface HallLetterhead {
  utility: string;
  address: string;
  phone: string;
  contact: string;
  /** The utility's side of the HV contract's party block (the HV contract is refused without them). */
  legalRep?: string;
  taxNumber?: string;
  bankAccount?: string;
}

/**
 * Creates the hall on a harness's folder and, with a letterhead, its 文书抬头 (a reply or contract cannot be
 * printed without one), the way an administrator sets up a new workstation.
 */
export function initHall(dataDir: string, hall: { code: string; name: string; letterhead?: HallLetterhead }): void {
  yekuo(dataDir, 'init', '--hall-code', hall.code, '--hall-name', hall.name);
  const letterhead = hall.letterhead;
  if (!letterhead) return;
  yekuo(
    dataDir,
    'pdf',
    'settings',
    '--utility',
    letterhead.utility,
    '--address',
    letterhead.address,
    '--phone',
    letterhead.phone,
    '--contact',
    letterhead.contact,
    ...(letterhead.legalRep ? ['--legal-rep', letterhead.legalRep] : []),
    ...(letterhead.taxNumber ? ['--tax-number', letterhead.taxNumber] : []),
    ...(letterhead.bankAccount ? ['--bank-account', letterhead.bankAccount] : []),
  );
}

/** 西湖供电营业厅 in Hangzhou with its letterhead: the hall of the journeys that print. */
export const XIHU_HALL = {
  code: 'ZJ0101',
  name: '西湖供电营业厅',
  letterhead: {
    utility: '国网杭州供电公司',
    address: '杭州市西湖区文三路 100 号',
    phone: '0571-88000000',
    contact: '刘洋',
    legalRep: '张建国',
    taxNumber: '91330100MA2CYYYY0K',
    bankAccount: '中国工商银行杭州分行 1202 0000 0000 0000 001',
  },
};
