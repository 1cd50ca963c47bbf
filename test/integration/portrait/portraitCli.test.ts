import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerPortrait } from '../../../shared/api/portrait';
import { addUserWithPassword } from '../../../main/services/auth/passwords';
import { actingAs } from '../../../main/services/auth/storeContext';
import { addDemoCustomers } from '../../../main/services/demo/demoCustomers';
import { addCliAdmin, CLI_ADMIN, yekuo, yekuoAs } from '../store/cliRunner';
import { openStore, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(async () => {
  store = openStore({ now: '2026-11-27T02:00:00Z' });
  await addCliAdmin(store.ctx('admin'));
  const clerk = { id: 'C001', name: '李娜', role: 'clerk' as const, password: 'clerk-password-1' };
  await addUserWithPassword(actingAs(store.ctx('admin'), { ...CLI_ADMIN, role: 'admin' }), clerk, false);
  addDemoCustomers(store.ctx(), new Date('2026-11-27T00:00:00Z'));
  store.closeDatabase();
});
afterEach(() => store.close());

describe('yekuo portrait', () => {
  it('prints one customer as text and JSON, names the candidates of an ambiguous name, refuses clerks', async () => {
    const text = await yekuo(store.dir, 'portrait', '金陵精密机械有限公司（演示）');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^客户：金陵精密机械有限公司（演示）（单位） {2}证件：\w{18} {2}电话：1\d{10} {2}法定代表人：陈志强$/,
    );
    expect(lines).toContain('户号：3201880301（江苏省南京市江宁区天元东路88号3幢）');
    expect(lines).toContain('容量变化：');
    expect(text.stdout).toMatch(/\t低压非居民增容\t100\t150\tkW\n/);
    expect(text.stdout).toMatch(
      /规划高压接入\t金陵精密机械有限公司（演示）\t低压客户.*150 kW.*低压接入上限 160 kW（城镇）的 94%/,
    );
    expect(text.stdout).toMatch(/能效服务\/需量管理\t.*容量变化：50 → 100 → 150 kW/);

    const json = await yekuo(store.dir, '--json', 'portrait', '3201880301');
    expect(json.code).toBe(0);
    const portrait = JSON.parse(json.stdout) as CustomerPortrait;
    expect(portrait.customer.name).toBe('金陵精密机械有限公司（演示）');
    expect(portrait.capacityHistory.map((p) => p.after)).toEqual([50, 100, 150]);

    const ambiguous = await yekuo(store.dir, 'portrait', '金陵精密');
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('“金陵精密”对应 2 个客户：');
    expect(ambiguous.stderr).toContain('请改用证件号码查询');

    const none = await yekuo(store.dir, 'portrait', '没有这个客户');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('没有与“没有这个客户”相符的客户');

    const clerk = await yekuoAs(
      store.dir,
      { YEKUO_USER: 'C001', YEKUO_PASSWORD: 'clerk-password-1' },
      'portrait',
      '金陵精密机械有限公司（演示）',
    );
    expect(clerk.code).toBe(1);
    expect(clerk.stdout).toBe('');
    expect(clerk.stderr).toContain('无权限：当前角色（营业员）不能执行此操作');
  }, 400_000); // five CLI processes, each signing in: slow on a busy two-core machine
});
