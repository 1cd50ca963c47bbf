import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from './storeFixture';
import { CLI_ADMIN_ARGS, yekuo } from './cliRunner';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the README's CLI commands in order: init → demo → pdf contract", () => {
  it(
    'demo fills a marked demo 文书抬头 when none is set, reports progress, and the contract prints',
    { timeout: 180_000 },
    async () => {
      dir = tempDataDir();
      expect(
        (await yekuo(dir, 'init', '--hall-code', 'JS0101', '--hall-name', '城东供电营业厅', ...CLI_ADMIN_ARGS)).code,
      ).toBe(0);
      // Enough applications that a few LV ones are open between their scheme and the meter on any day (the demo ends
      // today, and none stays open for more than half a year): about five at 1,000.
      const demo = await yekuo(dir, 'demo', '--count', '1000', '--seed', '1');
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain('未设置文书抬头，已填入演示抬头：演示供电公司（演示数据，非真实单位）');
      // Not a terminal: progress comes as whole lines on stderr, the last one at 100 %.
      expect(demo.stderr.trim().split('\n').at(-1)).toBe('已生成 1000/1000（100%）');

      const listed = await yekuo(
        dir,
        '--json',
        'app',
        'list',
        '--type',
        'NEW_LVN,NEW_TEMP',
        // A LV non-residential contract (a temporary one too) is drawn up from the scheme until the meter is
        // connected (REFERENCE.md §3.2): at 电网配套工程 (only in the LV flows) or 装表接电.
        '--stage',
        'GRID_WORKS,METER_CONNECT',
        '--status',
        'ACTIVE',
      );
      const number = (JSON.parse(listed.stdout) as { items: { number: string }[] }).items[0]?.number;
      expect(number).toBeDefined();
      const out = `${dir}/合同.pdf`;
      const contract = await yekuo(dir, 'pdf', 'contract', number!, '--out', out);
      expect(contract.stderr).toBe('');
      expect(contract.code).toBe(0);
      expect(execFileSync('pdftotext', [out, '-']).toString()).toContain('演示供电公司（演示数据，非真实单位）');

      // A second demo run keeps what is set (and says nothing about it).
      const again = await yekuo(dir, 'demo', '--count', '5', '--seed', '2');
      expect(again.stdout).not.toContain('演示抬头');
    },
  );
});
