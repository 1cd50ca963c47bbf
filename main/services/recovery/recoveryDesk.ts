/**
 * The recovery page with its restore, independent of how it is served: the web harness answers it over HTTP
 * (main/web/recoveryServer.ts), the desktop over its own yekuo-recovery: scheme (recoveryProtocol.ts). Both offer
 * the same 恢复此备份 of the newest good backup, checked first, the refused file kept as `*.before-restore`.
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseRefused } from '../../db/startupCheck';
import { recoveryBackups } from './recoveryBackups';
import { recoveryOutcomeHtml, recoveryPageHtml, type RecoveryInfo } from './recoveryPage';

/** Where the page's form posts, on either transport. */
export const RESTORE_PATH = '/restore';

export interface RecoveryAnswer<T> {
  status: number;
  html: string;
  /** What the restore gave (the reopened database), when it succeeded. */
  restored?: T;
}

export interface RecoveryDesk<T> {
  /** The recovery page, with a form carrying this desk's token. */
  readonly page: string;
  /**
   * The answer to the page's form. `sameOrigin` is the transport's word that the post came from the page itself
   * (the harness compares Origin with Host; the desktop's scheme is reachable from its own windows only).
   */
  restore(form: URLSearchParams, sameOrigin: boolean): RecoveryAnswer<T>;
}

/** What the page says about a refusal; a newer database is never restored over (the page says to upgrade). */
export function recoveryInfo(refusal: DatabaseRefused, dataDir: string): RecoveryInfo {
  return {
    reason: refusal.reason,
    file: refusal.file,
    dataDir,
    message: refusal.message,
    ...(refusal.reason === 'NEWER' ? {} : { backups: recoveryBackups(dataDir) }),
  };
}

/** `restore(name)` restores the backup file `name` (from the form) over the refused database, or throws. */
export function recoveryDesk<T>(info: RecoveryInfo, restore: (name: string) => T): RecoveryDesk<T> {
  const token = randomBytes(16).toString('hex');
  return {
    page: recoveryPageHtml({ ...info, restoreForm: { action: RESTORE_PATH, token } }),
    restore: (form, sameOrigin) => {
      // Only this page may ask: the same origin (a web page elsewhere cannot) and the token it was given.
      if (!sameOrigin || form.get('token') !== token) {
        return {
          status: 403,
          html: recoveryOutcomeHtml(false, '拒绝请求', '只接受本恢复页发出的恢复请求。', '返回恢复页'),
        };
      }
      let restored: T;
      try {
        restored = restore(form.get('file') ?? '');
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return { status: 200, html: recoveryOutcomeHtml(false, '未能恢复', text, '返回恢复页') };
      }
      return {
        status: 200,
        restored,
        html: recoveryOutcomeHtml(
          true,
          '已从备份恢复',
          '数据库已换为所选备份，损坏的文件另存为 yekuo.sqlite.before-restore。备份之后办理的业务请核对后补录。',
          '进入系统并登录',
        ),
      };
    },
  };
}
