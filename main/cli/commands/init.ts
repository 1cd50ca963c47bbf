/**
 * `yekuo init`: the hall and, on a folder nobody can sign in to yet, its first administrator (password from
 * YEKUO_PASSWORD or typed twice at a terminal). On a folder that already has users, only an administrator
 * (`--user`) may create the hall, as with the handler table's `hall.init`.
 */
import type { Command } from 'commander';
import { authInputs } from '../../../shared/api/auth';
import { hallInitSchema } from '../../../shared/api/hall';
import { getHall } from '../../db/repositories/hallRepo';
import { countUsersWithPassword } from '../../db/repositories/userRepo';
import { createFirstAdmin } from '../../services/auth/passwords';
import type { StoreContext } from '../../services/auth/storeContext';
import { initHall } from '../../services/hall';
import { parseOptions, printJson } from '../cliInput';
import { signInCli } from '../cliSession';
import { readPassword } from '../password';
import { CliFailure, EXIT, type GlobalOptions } from '../runtime';
import { withStore } from '../withContext';

interface InitOptions {
  hallCode?: string;
  hallName?: string;
  admin?: string;
  adminName?: string;
}

const hallInput = (options: InitOptions) =>
  parseOptions(hallInitSchema, { code: options.hallCode, name: options.hallName });

async function createFirstAdministrator(store: StoreContext, options: InitOptions): Promise<string> {
  if (!options.admin || !options.adminName) {
    throw new CliFailure(
      EXIT.USAGE,
      '此数据目录还没有用户：请用 --admin 工号 --admin-name 姓名 创建首个系统管理员（密码由环境变量 YEKUO_PASSWORD 提供，或在终端中输入两次）。',
      'no user yet: pass --admin STAFF_NO --admin-name NAME to create the first administrator',
    );
  }
  const existing = getHall(store.db);
  const hall = existing && options.hallCode === undefined ? undefined : hallInput(options);
  const password = await readPassword({
    env: 'YEKUO_PASSWORD',
    prompt: `为系统管理员 ${options.admin} 设置密码（至少 8 位）/ new password`,
    confirm: true,
  });
  const admin = parseOptions(authInputs.firstRun.shape.admin, {
    id: options.admin,
    name: options.adminName,
    password,
  });
  await createFirstAdmin(store, admin, (acting) => {
    if (hall) initHall(acting, hall);
  });
  return `已创建首个系统管理员 ${admin.id}（${admin.name}）`;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      '初始化数据目录、营业厅与首个系统管理员 / initialise the data folder, the hall and its first administrator',
    )
    .option('--hall-code <code>', '营业厅编码（2–12 位大写字母或数字）/ hall code')
    .option('--hall-name <name>', '营业厅名称 / hall name')
    .option('--admin <staffNo>', '首个系统管理员的工号（数据目录还没有用户时必填）/ first administrator')
    .option('--admin-name <name>', '首个系统管理员的姓名 / first administrator name')
    .action((options: InitOptions) =>
      withStore(
        program,
        async (store, json) => {
          let done: string;
          if (countUsersWithPassword(store.db) === 0) done = await createFirstAdministrator(store, options);
          else {
            if (options.admin) {
              throw new CliFailure(
                EXIT.REJECTED,
                '此数据目录已有用户，不能再创建首个管理员：请由系统管理员用 yekuo user add 添加用户。',
                'the folder has users already: use yekuo user add',
              );
            }
            const input = hallInput(options);
            const ctx = await signInCli(store, program.opts<GlobalOptions>(), 'hall.init');
            initHall(ctx, input);
            done = '';
          }
          const hall = getHall(store.db);
          if (json) printJson({ hall, admin: options.admin ?? null });
          else {
            const hallText = hall ? `营业厅 ${hall.code}（${hall.name}）` : '（尚无营业厅）';
            process.stdout.write(`已初始化${hallText}，数据目录：${store.dataDir}${done ? `；${done}` : ''}\n`);
          }
        },
        { createDataDir: true },
      ),
    );
}
