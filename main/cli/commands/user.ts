/**
 * `yekuo user add|list|reset-password|disable|enable|passwd`: the 系统设置 › 用户 screen from a shell, with the
 * same role checks (users.create, users.list, users.resetPassword, users.setActive; a password change by any
 * signed-in user). Passwords never come from arguments: YEKUO_NEW_PASSWORD for scripts, else typed twice.
 */
import type { Command } from 'commander';
import { authInputs } from '../../../shared/api/auth';
import { userCreateSchema, userSetActiveSchema, type UserInfo } from '../../../shared/api/users';
import { ROLE_LABELS } from '../../../shared/domain/codes';
import { addUserWithPassword, changeOwnPassword, resetPassword } from '../../services/auth/passwords';
import { listUsers, setUserActive } from '../../services/users';
import { parseOptions, printJson } from '../cliInput';
import { readPassword } from '../password';
import { cliUserOf, currentPassword, signInCli } from '../cliSession';
import type { GlobalOptions } from '../runtime';
import { withContext, withStore } from '../withContext';

const newPassword = (whose: string) =>
  readPassword({ env: 'YEKUO_NEW_PASSWORD', prompt: `${whose}的新密码（至少 8 位）/ new password`, confirm: true });

const userLine = (u: UserInfo) =>
  `${u.id}\t${u.name}\t${ROLE_LABELS[u.role]}\t${u.active ? '在用' : '已停用'}\t${u.createdAt}`;

export function registerUser(program: Command): void {
  const user = program.command('user').description('用户与密码（系统管理员）/ users and passwords');

  user
    .command('add <staffNo>')
    .description('添加用户，设置临时密码（首次登录须修改）/ add a user with a temporary password')
    .requiredOption('--name <name>', '姓名 / name')
    .requiredOption('--role <role>', 'clerk（营业员）| supervisor（班长/审核员）| admin（系统管理员）')
    .action((id: string, options: { name: string; role: string }) =>
      withContext(program, 'users.create', async (ctx, json) => {
        const input = parseOptions(userCreateSchema.required({ password: true }), {
          id,
          name: options.name,
          role: options.role,
          password: await newPassword(`用户 ${id} `),
        });
        const created = await addUserWithPassword(ctx, input, true);
        if (json) printJson(created);
        else process.stdout.write(`已添加：${userLine(created)}（首次登录须修改临时密码）\n`);
      }),
    );

  user
    .command('list')
    .description('列出用户 / list users')
    .action(() =>
      withContext(program, 'users.list', (ctx, json) => {
        const users = listUsers(ctx);
        if (json) printJson(users);
        else process.stdout.write(users.map((u) => `${userLine(u)}\n`).join(''));
      }),
    );

  user
    .command('reset-password <staffNo>')
    .description('重置密码为临时密码并解除锁定（下次登录须修改）/ reset to a temporary password')
    .action((id: string) =>
      withContext(program, 'users.resetPassword', async (ctx) => {
        await resetPassword(
          ctx,
          parseOptions(authInputs.resetPassword, { id, password: await newPassword(`用户 ${id} `) }),
        );
        process.stdout.write(`已重置 ${id} 的密码：下次登录须修改。\n`);
      }),
    );

  for (const [verb, active, label] of [
    ['disable', false, '停用（不能再登录，审计记录保留）/ disable'],
    ['enable', true, '重新启用 / enable again'],
  ] as const) {
    user
      .command(`${verb} <staffNo>`)
      .description(label)
      .action((id: string) =>
        withContext(program, 'users.setActive', (ctx, json) => {
          const changed = setUserActive(ctx, parseOptions(userSetActiveSchema, { id, active }));
          if (json) printJson(changed);
          else process.stdout.write(`${active ? '已启用' : '已停用'}：${userLine(changed)}\n`);
        }),
      );
  }

  user
    .command('passwd')
    .description('修改本人密码（--user 的用户；新密码取自 YEKUO_NEW_PASSWORD 或终端输入）/ change your password')
    .action(() =>
      withStore(program, async (store) => {
        const options = program.opts<GlobalOptions>();
        const current = await currentPassword(cliUserOf(options));
        const ctx = await signInCli(store, options, 'signedIn', current);
        const input = parseOptions(authInputs.changePassword, { current, next: await newPassword('本人') });
        await changeOwnPassword(ctx, input);
        process.stdout.write(`已修改 ${ctx.session.userId} 的密码。\n`);
      }),
    );
}
