import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { listApplications } from '../../../main/services/applications/readApplications';
import { auditEntriesOf, verifyAudit } from '../../../main/services/audit';
import { createUser } from '../../../main/services/users';
import { advanceMany } from '../../../main/services/workstation/advanceMany';
import { assignApplications } from '../../../main/services/workstation/assignApplications';
import { exportApplicationsXlsx } from '../../../main/services/workstation/exportXlsx';
import { deleteFilter, listSavedFilters, saveFilter } from '../../../main/services/workstation/savedFilters';
import { ASSIGNEE_ME } from '../../../shared/api/applications';
import { openStore, recordFor, type Store } from './storeFixture';

let store: Store;
afterEach(() => store?.close());

function threeApplications(s: Store): string[] {
  const ctx = s.ctx('supervisor');
  return [1, 2, 3].map((seed) => createApplication(ctx, recordFor('NEW_HV', 'HV', seed)).number);
}

describe('批量推进 applications.advanceMany', () => {
  it('advances those that may move, one transaction each, and reports the rest with reasons', () => {
    store = openStore();
    const ctx = store.ctx('supervisor');
    const [a, b, c] = threeApplications(store) as [string, string, string];
    moveApplication(ctx, b, { move: 'cancel', reason: '客户撤回申请' });
    const outcomes = advanceMany(store.ctx('clerk'), [a, b, c, 'NJ0101-20260302-9999', a]);
    expect(outcomes.map((o) => [o.number, o.ok])).toEqual([
      [a, true],
      [b, false],
      [c, true],
      ['NJ0101-20260302-9999', false],
    ]);
    expect(outcomes[0]).toMatchObject({ ok: true, stage: expect.not.stringMatching(/^ACCEPT$/) });
    expect(outcomes[1]).toMatchObject({ ok: false, code: 'ILLEGAL_STATE', message: expect.stringContaining('已终止') });
    expect(outcomes[3]).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('找不到') });
    expect(verifyAudit(ctx.db)).toMatchObject({ ok: true });
  });

  it('is refused as a whole for an empty selection, naming the field', async () => {
    store = openStore();
    const result = await dispatch(store.ctx('clerk'), 'applications.advanceMany', { numbers: [] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('请先勾选申请') },
    });
  });
});

describe('分派 applications.assign and the assignee filter', () => {
  it('needs a supervisor, audits each assignment, and feeds "我的" lists', async () => {
    store = openStore();
    const [a, b] = threeApplications(store) as [string, string, string];
    createUser(store.ctx('admin'), { id: 'clerk-1', name: '李娜', role: 'clerk' });
    const denied = await dispatch(store.ctx('clerk'), 'applications.assign', { numbers: [a], assignee: 'clerk-1' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const outcomes = assignApplications(store.ctx('supervisor'), [a, b], 'clerk-1');
    expect(outcomes.every((o) => o.ok && o.assignee === 'clerk-1')).toBe(true);
    const mine = listApplications(store.ctx('clerk'), { assignee: ASSIGNEE_ME });
    expect(mine.items.map((i) => i.number).sort()).toEqual([a, b].sort());
    expect(auditEntriesOf(store.ctx('clerk').db, 'application', a).at(-1)).toMatchObject({
      action: 'application.assign',
      diff: { assignee: { before: null, after: 'clerk-1' } },
    });
    expect(() => assignApplications(store.ctx('supervisor'), [a], 'nobody')).toThrow(/经办人：工号 nobody 不存在/);
  });
});

describe('受理 assigns the application to the accepting clerk', () => {
  it('makes a hall user its 经办人 in the creating transaction, audited in the same entry; the CLI assigns no one', () => {
    store = openStore();
    createUser(store.ctx('admin'), { id: 'clerk-1', name: '李娜', role: 'clerk' });
    const mine = createApplication(store.ctx('clerk'), recordFor('NEW_LVR', 'LVR', 4));
    expect(mine.assignee).toBe('clerk-1');
    const listed = listApplications(store.ctx('clerk'), { assignee: ASSIGNEE_ME });
    expect(listed.items.map((i) => i.number)).toEqual([mine.number]);
    const entries = auditEntriesOf(store.ctx('clerk').db, 'application', mine.number);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'application.create',
      diff: { assignee: { before: null, after: 'clerk-1' } },
    });
    // supervisor-1 is no user of this hall (a command-line session): the application waits for a supervisor.
    const unassigned = createApplication(store.ctx('supervisor'), recordFor('NEW_LVR', 'LVR', 5));
    expect(unassigned.assignee).toBeNull();
    expect(verifyAudit(store.ctx('clerk').db).ok).toBe(true);
  });
});

describe('保存的筛选 filters.*', () => {
  it('lists presets first, saves per user (replacing by name), deletes only the own ones', async () => {
    store = openStore();
    const clerk = store.ctx('clerk');
    expect(listSavedFilters(clerk).map((f) => f.name)).toContain('我的临期高压新装');
    const saved = saveFilter(clerk, { name: '城西高压', query: { text: '城西', customerClasses: ['HV'] } });
    saveFilter(clerk, { name: '城西高压', query: { text: '城西', customerClasses: ['HV', 'LVN'] } });
    const own = listSavedFilters(clerk).filter((f) => !f.builtIn);
    expect(own).toEqual([{ ...saved, query: { text: '城西', customerClasses: ['HV', 'LVN'] } }]);
    expect(listSavedFilters(store.ctx('supervisor')).filter((f) => !f.builtIn)).toEqual([]);
    expect(() => deleteFilter(store.ctx('supervisor'), saved.id)).toThrow(/找不到这个保存的筛选/);
    expect(() => saveFilter(clerk, { name: '我的临期', query: {} })).toThrow(/内置筛选/);
    const badName = await dispatch(clerk, 'filters.save', { name: ' ', query: {} });
    expect(badName).toMatchObject({ ok: false, error: { message: expect.stringContaining('请填写筛选名称') } });
    deleteFilter(clerk, saved.id);
    expect(listSavedFilters(clerk).filter((f) => !f.builtIn)).toEqual([]);
    expect(verifyAudit(clerk.db)).toMatchObject({ ok: true });
  });
});

describe('导出 applications.exportXlsx', () => {
  it('writes every row of the filtered list with Chinese headers, text dates and masked identifiers', async () => {
    store = openStore();
    const ctx = store.ctx('supervisor');
    const numbers = threeApplications(store);
    createApplication(ctx, recordFor('NEW_LVR', 'LVR', 9));
    const file = await exportApplicationsXlsx(ctx, { customerClasses: ['HV'] });
    expect(file).toMatchObject({ rows: 3, truncated: false, fileName: '申请查询-2026-03-02.xlsx' });

    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type (an ArrayBuffer); hand it exactly the file's bytes.
    await workbook.xlsx.load(Uint8Array.from(Buffer.from(file.base64, 'base64')).buffer);
    const sheet = workbook.getWorksheet('申请查询')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map(String);
    const header = values(1);
    expect(header.slice(0, 3)).toEqual(['申请编号', '户名', '业务类型']);
    expect(sheet.rowCount).toBe(4);
    const rows = [2, 3, 4].map(values);
    expect(rows.map((r) => r[0]).sort()).toEqual([...numbers].sort());
    const col = (name: string) => header.indexOf(name);
    for (const row of rows) {
      expect(row[col('申请日期')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[col('证件号码')]).toMatch(/^\S{4}\*+\S{4}$/);
      expect(row[col('联系电话')]).toContain('*');
      expect(row[col('业务类型')]).toBe('高压新装');
    }
  });
});

describe('migration 0003', () => {
  it('adds 经办人 to applications (NULL for existing rows) and the saved_filters table', () => {
    store = openStore();
    const [a] = threeApplications(store) as [string];
    const db = store.ctx().db;
    expect(db.prepare('SELECT assignee FROM applications WHERE number = ?').pluck().get(a)).toBeNull();
    const columns = db.prepare("SELECT name FROM pragma_table_info('saved_filters')").pluck().all();
    expect(columns).toEqual(['id', 'user_id', 'name', 'query_json', 'created_at', 'change_seq']);
  });
});
