import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskFlag } from '../../../shared/api/risk';
import { createApplication } from '../../../main/services/applications/createApplication';
import { moveApplication } from '../../../main/services/applications/moveApplication';
import { addCliAdmin, yekuo } from '../store/cliRunner';
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
});
