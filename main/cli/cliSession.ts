/**
 * Who the CLI acts as (issue 10): the user named by `--user` or YEKUO_USER, signed in with the password from
 * YEKUO_PASSWORD or a terminal prompt, exactly like the sign-in screen (failures counted, lockout, audited).
 * Each command then passes the same role check as the UI: the access rule of the handler table's channel it
 * stands for, so a clerk cannot do from a shell what the UI refuses.
 */
import type { Channel } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/codes';
import { countUsersWithPassword } from '../db/repositories/userRepo';
import { authorise } from '../ipc/authorise';
import { memorySessionSlot, type HandlerContext } from '../ipc/context';
import type { Access } from '../ipc/handler';
import { handlers } from '../ipc/handlers';
import { signIn } from '../services/auth/signIn';
import type { StoreContext } from '../services/auth/storeContext';
import { AppError } from '../services/errors';
import { readPassword } from './password';
import { CliFailure, EXIT, type GlobalOptions } from './runtime';

/**
 * What a command needs: the channel of the handler table it does the work of (its access rule applies), or a
 * minimum role for work that has no channel (backup, restore, demo data), or `signedIn` (any signed-in user,
 * also one who must change a reset password: `yekuo user passwd`).
 */
export type CliAccess = Channel | Role | 'signedIn';

export function accessOf(access: CliAccess): Access {
  return access.includes('.') ? handlers[access as Channel].role : (access as Role | 'signedIn');
}

export const NEEDS_USER =
  '此命令需要以用户身份执行：请用 --user 工号（或环境变量 YEKUO_USER）指定用户，密码由脚本经环境变量 YEKUO_PASSWORD 提供，或在终端中按提示输入。';

export function cliUserOf(options: GlobalOptions): string {
  const id = options.user ?? process.env.YEKUO_USER;
  if (!id) {
    throw new CliFailure(
      EXIT.USAGE,
      NEEDS_USER,
      'this command acts as a user: pass --user STAFF_NO or set YEKUO_USER; the password comes from YEKUO_PASSWORD or a prompt',
    );
  }
  return id;
}

export const currentPassword = (id: string) =>
  readPassword({ env: 'YEKUO_PASSWORD', prompt: `用户 ${id} 的密码 / password` });

/**
 * Signs the CLI's user in and returns the context acting as that user, or refuses (无权限 / 尚未登录 …).
 * `password` when the command has read it already (a password change checks it again).
 */
export async function signInCli(
  store: StoreContext,
  options: GlobalOptions,
  access: CliAccess,
  password?: string,
): Promise<HandlerContext> {
  const id = cliUserOf(options);
  if (countUsersWithPassword(store.db) === 0) {
    throw new CliFailure(
      EXIT.USAGE,
      `数据目录 ${store.dataDir} 还没有用户：请先执行 yekuo init --hall-code 编码 --hall-name 名称 --admin 工号 --admin-name 姓名。`,
      'no user in this data folder: run `yekuo init` first',
    );
  }
  password ??= await currentPassword(id);
  const signed = await signIn(store, { id, password });
  const state = { user: signed.session, mustChangePassword: signed.mustChangePassword, locked: false };
  const allowed = authorise({ ...store, sessions: memorySessionSlot(state) }, accessOf(access), true);
  if (!allowed.ok) {
    const hint = signed.mustChangePassword ? `（命令行：yekuo --user ${id} user passwd）` : '';
    throw new AppError(allowed.error.code, `${allowed.error.message}${hint}`);
  }
  return { ...store, session: signed.session };
}
