import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { CLI_ADMIN_ARGS, yekuo } from './cliRunner';
import { openRawDatabase, recordFor, tempDataDir } from './storeFixture';

let dir: string;
beforeEach(() => {
  dir = tempDataDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const dbFile = () => path.join(dir, DATABASE_FILE);
const counts = () => {
  const db = openRawDatabase(dbFile(), { readonly: true });
  try {
    return (
      db
        // Each CLI run signs in (an auth.* entry of its own); a refused command adds nothing else.
        .prepare(
          "SELECT (SELECT count(*) FROM applications) AS apps, (SELECT count(*) FROM audit_log WHERE action NOT LIKE 'auth.%') AS audits",
        )
        .get()
    );
  } finally {
    db.close();
  }
};

// Each case runs several CLI processes of about 3 s of CPU each: minutes on a busy two-core machine.
describe('yekuo commands', { timeout: 240_000 }, () => {
  it('init, app create/show/list/advance/return, search, audit verify', async () => {
    expect(
      (await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS)).code,
    ).toBe(0);
    const created = await yekuo(
      dir,
      '--json',
      'app',
      'create',
      write('a.json', JSON.stringify(recordFor('NEW_HV', 'HV'))),
    );
    expect(created.code).toBe(0);
    const number = (JSON.parse(created.stdout) as { number: string }).number;
    expect(number).toMatch(/^NJ0101-\d{8}-0001$/);
    expect((await yekuo(dir, 'app', 'advance', number)).code).toBe(0);
    const back = await yekuo(dir, 'app', 'return', number, '--to', 'ACCEPT', '--reason', '资料不全');
    expect(back.code).toBe(0);
    const shown = await yekuo(dir, 'app', 'show', number);
    expect(shown.stdout).toContain('业务受理');
    expect(shown.stdout).toContain('资料不全');
    const listed = await yekuo(dir, '--json', 'app', 'list', '--class', 'HV', '--stage', 'ACCEPT');
    expect(JSON.parse(listed.stdout).items).toHaveLength(1);
    const found = await yekuo(dir, 'search', number.slice(-8));
    expect(found.stdout).toContain(number);
    const verified = await yekuo(dir, 'audit', 'verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toContain('校验通过');
    // About a dozen CLI processes, each a Node start-up: more than the default 30 s on a loaded machine.
  });

  it('app create of a 迁址 accepts the closing of its old site, and app show names both', async () => {
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const record = write('r.json', JSON.stringify(recordFor('RELOC', 'LVR')));
    const created = await yekuo(dir, '--json', 'app', 'create', record);
    expect(created.code).toBe(0);
    const reloc = (JSON.parse(created.stdout) as { number: string }).number;
    const closure = reloc.replace(/0001$/, '0002');
    expect(counts()).toMatchObject({ apps: 2 });
    expect((await yekuo(dir, 'app', 'show', reloc)).stdout).toContain(
      `关联申请：原址销户 ${closure}（销户，业务受理，办理中）`,
    );
    expect((await yekuo(dir, 'app', 'show', closure)).stdout).toContain(
      `关联申请：所属迁址 ${reloc}（迁址，业务受理，办理中）`,
    );
  });

  it('exit 1 with a JSON list of problems for a record a rule rejects, and for an illegal move', async () => {
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const bad = { ...recordFor('NEW_LVR', 'LVR'), businessType: 'NEW_SPACESHIP' };
    const result = await yekuo(dir, '--json', 'app', 'create', write('bad.json', JSON.stringify(bad)));
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { ok: boolean; problems: { field: string }[] };
    expect(out.ok).toBe(false);
    expect(out.problems.map((p) => p.field)).toContain('businessType');
    expect(result.stderr).toMatch(/错误：.*\nerror: rejected by a validation rule/);
    const good = await yekuo(
      dir,
      '--json',
      'app',
      'create',
      write('ok.json', JSON.stringify(recordFor('RENAME', 'LVR'))),
    );
    const number = (JSON.parse(good.stdout) as { number: string }).number;
    const illegal = await yekuo(dir, 'app', 'return', number, '--to', 'ARCHIVE', '--reason', '测试');
    expect(illegal.code).toBe(1);
    expect(illegal.stderr).toMatch(/只能退回到当前环节.*\nerror: not allowed in the current state/);
    expect(counts()).toEqual({ apps: 1, audits: 3 }); // user.create and hall.init at init, then the create
  });

  it('exit 2 for malformed JSON, a file that is not JSON, a missing file and bad options', async () => {
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const before = counts();
    const malformed = await yekuo(dir, 'app', 'create', write('m.json', '{"businessType": "NEW_LVR",'));
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/不是合法的 JSON[\s\S]*error: file .* is not valid JSON/);
    const binary = await yekuo(dir, 'app', 'create', write('p.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])));
    expect(binary.code).toBe(2);
    const missing = await yekuo(dir, 'app', 'create', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取文件/);
    const badStage = await yekuo(dir, 'app', 'list', '--stage', 'NOWHERE');
    expect(badStage.code).toBe(2);
    expect((await yekuo(dir, 'app', 'frobnicate')).code).toBe(2);
    expect(counts()).toEqual(before);
  });

  it('exit 2 and the file untouched for a file that is not SQLite or is newer than the app', async () => {
    // An encrypted database looks like random bytes, so a file that is not ours reads as a wrong key.
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const garbage = Buffer.from('这不是数据库文件 — not a database at all, just some bytes '.repeat(200));
    fs.writeFileSync(dbFile(), garbage);
    const notDb = await yekuo(dir, 'app', 'list');
    expect(notDb.code).toBe(2);
    expect(notDb.stderr).toMatch(/已损坏或密钥不对[\s\S]*error: database problem/);
    expect(fs.readFileSync(dbFile()).equals(garbage)).toBe(true);

    fs.rmSync(dbFile());
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const db = openRawDatabase(dbFile());
    db.pragma('user_version = 99');
    db.close();
    const bytes = fs.readFileSync(dbFile());
    const newer = await yekuo(dir, 'app', 'list');
    expect(newer.code).toBe(2);
    expect(newer.stderr).toMatch(/比本程序支持的版本.*新/);
    expect(fs.readFileSync(dbFile()).equals(bytes)).toBe(true);
  });

  it('exit 2 with a clear message when another program holds the write lock', async () => {
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    const before = counts();
    const holder = openRawDatabase(dbFile());
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const locked = await yekuo(dir, 'app', 'create', write('a.json', JSON.stringify(recordFor('NEW_LVR', 'LVR'))));
      expect(locked.code).toBe(2);
      expect(locked.stderr).toMatch(/占用（已锁定）[\s\S]*error: database problem/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(counts()).toEqual(before);
  });
});
