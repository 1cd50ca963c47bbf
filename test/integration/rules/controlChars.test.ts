/** R-TXT-01 on a real store: an invisible character in a name or address is refused with its position and code. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import type { ApplicationInput } from '../../../shared/domain/application';
import { creationProblems } from '../store/refusals';
import { openStore, recordFor, type Store } from '../store/storeFixture';

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

const refusedProblems = (record: ApplicationInput) => creationProblems(store, record);

describe('R-TXT-01 control characters in names and addresses', () => {
  it('refuses a zero-width space in a person name once, naming position and code, and saves the clean name', () => {
    const record = recordFor('NEW_LVR', 'LVR', 5);
    const name = record.customer.name;
    const problems = refusedProblems({
      ...record,
      customer: { ...record.customer, name: `${name[0]}\u200B${name.slice(1)}` },
    });
    expect(problems.filter((p) => p.field === 'customer.name')).toEqual([
      expect.objectContaining({
        ruleId: 'R-TXT-01',
        severity: 'error',
        message:
          '户名第 2 个字符是不可见的控制字符（U+200B，多由复制粘贴带入），打印和查重时会出错；请删除该字符或重新录入。',
      }),
    ]);
    expect(createApplication(store.ctx('clerk'), record).number).toBeTruthy();
  });

  it('refuses a bell or a bidi override in the address; tabs and line breaks are normalised to spaces instead', () => {
    const record = recordFor('NEW_LVR', 'LVR', 6);
    const at = (address: string) => ({ ...record, site: { ...record.site, address } });
    for (const bad of ['\u0007', '\u202E']) {
      expect(refusedProblems(at(`${record.site.address}${bad}`)).map((p) => p.ruleId)).toContain('R-TXT-01');
    }
    const spaced = at(`${record.site.address.slice(0, 3)}\t\n${record.site.address.slice(3)}`);
    expect(refusedProblems(spaced).map((p) => p.ruleId)).not.toContain('R-TXT-01');
  });
});
