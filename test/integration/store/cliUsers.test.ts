/**
 * The CLI acts as a named user (issue 10): `yekuo init --admin` creates the first administrator, every command
 * that touches the hall's data signs in (YEKUO_USER / --user, YEKUO_PASSWORD) and passes the handler table's
 * role check, and the audit entries name that user.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { CLI_ADMIN, CLI_ADMIN_ARGS, yekuo, yekuoAs } from './cliRunner';
import { openRawDatabase, recordFor, tempDataDir } from './storeFixture';

let dir: string;
beforeEach(() => {
  dir = tempDataDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const CLERK = { YEKUO_USER: 'C001', YEKUO_PASSWORD: 'clerk-password-2' };

function auditRows(): { user_id: string; user_name: string; action: string; entity_id: string }[] {
  const db = openRawDatabase(path.join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT user_id, user_name, action, entity_id FROM audit_log ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

const init = () => yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);

// Each run starts tsx and signs in (scrypt); on a busy two-core machine one takes seconds.
describe('yekuo as a named user', { timeout: 300_000 }, () => {
  it('init creates the hall and its first administrator, both audited under that administrator', async () => {
    const bare = await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('请用 --admin 工号 --admin-name 姓名 创建首个系统管理员');
    const short = await yekuoAs(
      dir,
      { YEKUO_PASSWORD: 'short' },
      'init',
      '--hall-code',
      'NJ0101',
      '--hall-name',
      '南',
      ...CLI_ADMIN_ARGS,
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('密码至少 8 位');
    // No terminal and no YEKUO_PASSWORD: refused, never a password on the command line.
    const noPassword = await yekuoAs(
      dir,
      { YEKUO_PASSWORD: undefined },
      'init',
      '--hall-code',
      'NJ0101',
      '--hall-name',
      '南',
      ...CLI_ADMIN_ARGS,
    );
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('环境变量 YEKUO_PASSWORD');
    expect((await yekuo(dir, 'init', '--password', 'x')).code).toBe(2);

    const done = await init();
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(`已创建首个系统管理员 ${CLI_ADMIN.id}（${CLI_ADMIN.name}）`);
    expect(auditRows().map((r) => [r.user_id, r.user_name, r.action])).toEqual([
      [CLI_ADMIN.id, CLI_ADMIN.name, 'user.create'],
      [CLI_ADMIN.id, CLI_ADMIN.name, 'hall.init'],
    ]);
    const again = await init();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有用户，不能再创建首个管理员');
  });

  it('signs in for every data command, applies the role matrix, and audits under the real user', async () => {
    await init();
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, JSON.stringify(recordFor('NEW_HV', 'HV')));

    const anonymous = await yekuoAs(dir, { YEKUO_USER: undefined }, 'app', 'list');
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('请用 --user 工号（或环境变量 YEKUO_USER）');
    const wrong = await yekuoAs(dir, { YEKUO_PASSWORD: 'not-the-password' }, 'app', 'list');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('工号或密码不正确');
    expect(auditRows().at(-1)).toMatchObject({ user_id: CLI_ADMIN.id, action: 'auth.signInFailed' });

    const added = await yekuoAs(
      dir,
      { YEKUO_NEW_PASSWORD: 'clerk-password-1' },
      'user',
      'add',
      'C001',
      '--name',
      '李雷',
      '--role',
      'clerk',
    );
    expect(added.code, added.stderr).toBe(0);
    // The temporary password works for nothing but changing it.
    const temporary = { ...CLERK, YEKUO_PASSWORD: 'clerk-password-1' };
    const due = await yekuoAs(dir, temporary, 'app', 'list');
    expect(due.code).toBe(1);
    expect(due.stderr).toContain('请先修改密码');
    expect(due.stderr).toContain('yekuo --user C001 user passwd');
    const changed = await yekuoAs(dir, { ...temporary, YEKUO_NEW_PASSWORD: CLERK.YEKUO_PASSWORD }, 'user', 'passwd');
    expect(changed.code, changed.stderr).toBe(0);

    const created = await yekuoAs(dir, CLERK, '--json', 'app', 'create', file);
    expect(created.code, created.stderr).toBe(0);
    const number = (JSON.parse(created.stdout) as { number: string }).number;
    expect(auditRows().filter((r) => r.entity_id === number)).toEqual([
      { user_id: 'C001', user_name: '李雷', action: 'application.create', entity_id: number },
    ]);
    // --user wins over YEKUO_USER.
    const flag = await yekuoAs(
      dir,
      { YEKUO_USER: 'nobody', YEKUO_PASSWORD: CLERK.YEKUO_PASSWORD },
      '--user',
      'C001',
      'app',
      'show',
      number,
    );
    expect(flag.code, flag.stderr).toBe(0);

    // The handler table's minimum roles: audit.verify (supervisor), return (supervisor), users (admin).
    for (const args of [
      ['audit', 'verify'],
      ['app', 'return', number, '--to', 'ACCEPT', '--reason', '退回'],
      ['user', 'list'],
      ['backup'],
    ]) {
      const refused = await yekuoAs(dir, CLERK, ...args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toContain('无权限：当前角色（营业员）');
    }
    const listed = await yekuo(dir, '--json', 'user', 'list');
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: CLI_ADMIN.id, role: 'admin', active: true },
      { id: 'C001', role: 'clerk', active: true },
    ]);

    // 停用: the clerk can no longer sign in; the last administrator cannot disable themselves.
    expect((await yekuo(dir, 'user', 'disable', 'C001')).code).toBe(0);
    expect((await yekuoAs(dir, CLERK, 'app', 'list')).stderr).toContain('工号或密码不正确');
    const self = await yekuo(dir, 'user', 'disable', CLI_ADMIN.id);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('不能停用自己的账号');
    expect((await yekuo(dir, 'user', 'enable', 'C001')).code).toBe(0);
    const reset = await yekuoAs(dir, { YEKUO_NEW_PASSWORD: 'reset-password-1' }, 'user', 'reset-password', 'C001');
    expect(reset.code, reset.stderr).toBe(0);
    expect((await yekuoAs(dir, CLERK, 'app', 'list')).stderr).toContain('工号或密码不正确');

    const actions = auditRows().map((r) => `${r.user_id} ${r.action} ${r.entity_id}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `${CLI_ADMIN.id} user.create C001`,
        `${CLI_ADMIN.id} user.disable C001`,
        `${CLI_ADMIN.id} user.enable C001`,
        `${CLI_ADMIN.id} auth.passwordReset C001`,
        'C001 auth.passwordChanged C001',
      ]),
    );
    expect(auditRows().some((r) => r.user_id === 'cli')).toBe(false);
    const verified = await yekuo(dir, 'audit', 'verify');
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('runs check, validate, schema and calendar without a user', async () => {
    const none = { YEKUO_USER: undefined, YEKUO_PASSWORD: undefined };
    expect((await yekuoAs(dir, none, 'schema')).code).toBe(0);
    expect((await yekuoAs(dir, none, 'check', 'phone', '13912345678')).code).toBe(0);
    expect((await yekuoAs(dir, none, 'calendar', 'add-workdays', '2026-09-30', '1')).stdout).toBe('2026-10-08\n');
  });
});
