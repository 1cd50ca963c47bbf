import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskFlag, RiskFlagPage } from '../../../shared/api/risk';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { yekuo } from '../store/cliRunner';
import { openStore, type Store } from '../store/storeFixture';
import { hvRecord } from './riskFixture';

let store: Store;
let number: string;
beforeEach(() => {
  store = openStore();
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
  it('lists flags (text and JSON, by detector), closes one with a reason, and refuses bad input in Chinese', async () => {
    const listed = await yekuo(store.dir, '--json', 'risk', 'list', '--detector', 'RISK-ACC-02');
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout) as RiskFlagPage;
    expect(page.items.map((f) => [f.detectorId, f.applications])).toEqual([['RISK-ACC-02', [number]]]);
    const id = page.items[0]!.id;

    const text = await yekuo(store.dir, 'risk', 'list', '--detector', 'RISK-ACC-02');
    expect(text.stdout).toBe(
      `${id}\tRISK-ACC-02\t多次退回受理\t中\t待处理\t${number}\t退回受理 2 次（阈值 2 次）\n共 1 条\n`,
    );

    const closed = await yekuo(store.dir, '--json', 'risk', 'close', String(id), '--reason', '已核实');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout) as RiskFlag).toMatchObject({ id, status: 'closed', closeReason: '已核实' });
    const closedList = await yekuo(store.dir, '--json', 'risk', 'list', '--status', 'closed');
    expect((JSON.parse(closedList.stdout) as RiskFlagPage).items.map((f) => f.id)).toEqual([id]);

    const again = await yekuo(store.dir, 'risk', 'close', String(id), '--reason', '再次关闭');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`风险记录 ${id} 已于`);

    const badDetector = await yekuo(store.dir, 'risk', 'list', '--detector', 'ACC-02');
    expect(badDetector.code).toBe(2);
    expect(badDetector.stderr).toContain('检测项编号格式应为 RISK-XXX-00');
    const shortReason = await yekuo(store.dir, 'risk', 'close', String(id), '--reason', '是');
    expect(shortReason.code).toBe(2);
    expect(shortReason.stderr).toContain('关闭理由至少 2 个字');
  }, 180_000); // seven CLI processes: slow on a busy two-core machine
});
