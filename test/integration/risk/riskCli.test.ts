import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { RiskFlag, RiskFlagPage } from '../../../shared/api/risk';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { addUserWithPassword } from '../../../main/services/auth/passwords';
import { actingAs } from '../../../main/services/auth/storeContext';
import { listRiskFlags } from '../../../main/services/risk/flags';
import { loadProvinceProfile } from '../../../main/services/settings/provinceProfile';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { addCliAdmin, yekuo, yekuoAs } from '../store/cliRunner';
import { openStore, type Store } from '../store/storeFixture';
import { hvRecord } from './riskFixture';

let store: Store;
let number: string;
beforeEach(async () => {
  store = openStore();
  await addCliAdmin(store.ctx('admin'));
  const clerk = store.ctx('clerk');
  ({ number } = createApplication(clerk, hvRecord));
  for (const reason of ['负荷清单不全', '产权证明过期']) {
    moveApplication(clerk, number, { move: 'advance' });
    moveApplication(store.ctx('supervisor'), number, { move: 'return', to: 'ACCEPT', reason });
  }
  store.closeDatabase();
});
afterEach(() => store.close());

describe('yekuo risk', () => {
  it('lists flags, closes one with a reason, and refuses bad input in Chinese', async () => {
    const text = await yekuo(store.dir, 'risk', 'list', '--detector', 'RISK-ACC-02');
    expect(text.code).toBe(0);
    const id = Number(text.stdout.split('\t')[0]);
    expect(text.stdout).toBe(
      `${id}\tRISK-ACC-02\t多次退回受理\t中\t待处理\t${number}\t退回受理 2 次（阈值 2 次）\n共 1 条\n`,
    );

    const closed = await yekuo(store.dir, '--json', 'risk', 'close', String(id), '--reason', '已核实');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout) as RiskFlag).toMatchObject({ id, status: 'closed', closeReason: '已核实' });

    const again = await yekuo(store.dir, 'risk', 'close', String(id), '--reason', '再次关闭');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`风险记录 ${id} 已于`);

    const badDetector = await yekuo(store.dir, 'risk', 'list', '--detector', 'ACC-02');
    expect(badDetector.code).toBe(2);
    expect(badDetector.stderr).toContain('检测项编号格式应为 RISK-XXX-00');
  }, 400_000); // four CLI processes, each signing in: slow on a busy two-core machine

  it("list runs the day's audit-chain scan (RISK-INT-05) when it is due, as the services worker does", async () => {
    const db = openDatabase(path.join(store.dir, DATABASE_FILE));
    // The hall's first full recompute, on the fixture's day: the daily scan is done for that day.
    listRiskFlags({ ...store.ctx('supervisor'), db }, { offset: 0, limit: 1 });
    db.prepare("UPDATE applications SET phone = '13900000000' WHERE number = ?").run(number);
    db.close();

    const listed = await yekuo(store.dir, '--json', 'risk', 'list', '--detector', 'RISK-INT-05');
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout) as RiskFlagPage;
    expect(page.items.map((f) => f.applications)).toEqual([[number]]);
  }, 400_000);

  it('recompute (administrators) repairs the derived rows, audited; a supervisor is refused', async () => {
    // The profile now asks for three returns: the next list (another process) drops the RISK-ACC-02 flag (two
    // returns) by itself; a recompute finds nothing more to change.
    const db = openDatabase(path.join(store.dir, DATABASE_FILE));
    const admin = { ...store.ctx('admin'), db };
    listRiskFlags({ ...store.ctx('supervisor'), db }, { offset: 0, limit: 1 }); // the hall's first full recompute
    loadProvinceProfile(admin, JSON.stringify({ risk: { returnsToAcceptMin: 3 } }));
    const supervisor = {
      id: 'S001',
      name: '测试班长',
      password: 'cli-supervisor-password',
      role: 'supervisor' as const,
    };
    await addUserWithPassword(actingAs(admin, supervisor), supervisor, false);
    db.close();
    const listed = await yekuo(store.dir, '--json', 'risk', 'list', '--detector', 'RISK-ACC-02');
    expect((JSON.parse(listed.stdout) as RiskFlagPage).total).toBe(0);

    const refused = await yekuoAs(
      store.dir,
      { YEKUO_USER: supervisor.id, YEKUO_PASSWORD: supervisor.password },
      'risk',
      'recompute',
    );
    expect(refused.code).toBe(1);

    const done = await yekuo(store.dir, '--json', 'risk', 'recompute');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ openBefore: 2, openAfter: 2, closed: 0 });
    const after = await yekuo(store.dir, '--json', 'risk', 'list', '--detector', 'RISK-ACC-02');
    expect((JSON.parse(after.stdout) as RiskFlagPage).total).toBe(0);

    const audit = openDatabase(path.join(store.dir, DATABASE_FILE));
    expect(
      audit.prepare("SELECT user_id, entity, entity_id FROM audit_log WHERE action = 'risk.recompute'").all(),
    ).toEqual([{ user_id: 'A001', entity: 'risk_flag', entity_id: '*' }]);
    audit.close();
  }, 400_000);
});
