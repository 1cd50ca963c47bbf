/** The `check`, `validate` and `calendar` commands as a clerk runs them, through bin/yekuo.mjs. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lvrApplication } from '../unit/rules/fixtures';
import { ricExpected, ricVectors } from '../unit/rules/vectors';
import { CLI_ADMIN, CLI_ADMIN_ARGS } from './store/cliRunner';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function yekuo(args: string[], input?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, YEKUO_PASSWORD: CLI_ADMIN.password };
  delete env.YEKUO_DATA;
  delete env.YEKUO_USER;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/yekuo.mjs', ...args],
      { cwd: root, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('yekuo check', () => {
  it('prints one line per value and exits 1 when any is invalid', async () => {
    const run = await yekuo(['check', 'ric', '11010519491231002X', '11010519491231001X', '110101491001001']);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      '11010519491231002X\tvalid',
      '11010519491231001X\tinvalid\t身份证号码校验位错误：按 GB 11643 计算应为 1，请核对证件。',
      expect.stringMatching(/^110101491001001\tinvalid\t.*18 位/),
    ]);
  });

  it('exits 0 when all are valid, with JSON objects carrying value, valid and reason', async () => {
    const run = await yekuo(['check', 'uscc', '91350100M000100Y43', '91 110000 600037341L', '--json']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ value: '91350100M000100Y43', valid: true, reason: null }),
      expect.objectContaining({ value: '91 110000 600037341L', valid: true, normalized: '91110000600037341L' }),
    ]);
  });

  it('checks a pasted column of every RIC vector in one process', async () => {
    const run = await yekuo(['check', 'ric', '-', '--json'], ricVectors.map((v) => `${v.value}\t`).join('\r\n'));
    const results = lines(run.stdout).map((l) => JSON.parse(l) as { valid: boolean });
    expect(results.map((r) => r.valid)).toEqual(ricVectors.map(ricExpected));
    expect(run.code).toBe(1);
  });

  it('refuses an unknown kind and a call without values with exit 2', async () => {
    expect((await yekuo(['check', 'email', 'a@b.c'])).code).toBe(2);
    expect((await yekuo(['check', 'phone'])).code).toBe(2);
  });
});

describe('yekuo validate', () => {
  it('lists every issue and exits 1 while something blocks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-validate-'));
    const good = lvrApplication();
    const bad = {
      ...lvrApplication(),
      customer: { ...good.customer, phone: '12038389438' },
      site: { address: '东四十条' },
    };
    fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(good));
    fs.writeFileSync(path.join(dir, 'batch.json'), JSON.stringify([good, bad]));
    try {
      const ok = await yekuo(['validate', '--stage', 'ACCEPT', '--today', '2026-06-15', path.join(dir, 'good.json')]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('通过：0 个错误，0 个未确认的警告。');
      const batch = await yekuo([
        'validate',
        '--stage',
        'ACCEPT',
        '--today',
        '2026-06-15',
        path.join(dir, 'batch.json'),
        '--json',
      ]);
      expect(batch.code).toBe(1);
      const [first, second] = lines(batch.stdout).map((l) => JSON.parse(l));
      expect(first).toMatchObject({ index: 0, ok: true, issues: [] });
      expect(second.issues.map((i: { ruleId: string }) => i.ruleId)).toEqual(['R-PH-01', 'R-ADDR-01']);
      expect((await yekuo(['validate', '--stage', 'NOPE', path.join(dir, 'good.json')])).code).toBe(2);
      fs.writeFileSync(path.join(dir, 'profile.json'), JSON.stringify({ tariff: { twoPartFromKva: 'many' } }));
      const profiled = await yekuo([
        'validate',
        '--stage',
        'ACCEPT',
        '--today',
        '2026-06-15',
        '--profile',
        path.join(dir, 'profile.json'),
        path.join(dir, 'good.json'),
      ]);
      expect(profiled.stderr).toContain('“tariff.twoPartFromKva”取值无效');
      expect(profiled.stderr).toContain('仍按原有规则执行');
      expect(profiled.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('yekuo calendar', () => {
  it('tells workdays from days off, with holiday names, and warns outside the loaded years', async () => {
    const run = await yekuo([
      'calendar',
      'is-workday',
      '2026-10-01',
      '2026-10-10',
      '2026-06-13',
      '2026-06-15',
      '2031-10-01',
    ]);
    expect(lines(run.stdout)).toEqual([
      '2026-10-01\tholiday\t国庆节',
      '2026-10-10\tworkday\t国庆节（调休上班）',
      '2026-06-13\tholiday',
      '2026-06-15\tworkday',
      '2031-10-01\tworkday',
    ]);
    expect(run.stderr).toContain('2031 年的节假日安排尚未载入');
  });

  it('adds working days the way the time limits count, and loads a new year', async () => {
    expect((await yekuo(['calendar', 'add-workdays', '2026-09-30', '1'])).stdout).toBe('2026-10-08\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-holidays-'));
    const table = path.join(dir, '2031.json');
    fs.writeFileSync(table, JSON.stringify({ year: 2031, daysOff: { '2031-10-01': '国庆节' }, workdays: {} }));
    try {
      // Loading a table changes the hall's data: an administrator does it (settings.loadHolidays).
      const admin = ['--data', dir, '--user', CLI_ADMIN.id];
      const init = await yekuo([...admin, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京', ...CLI_ADMIN_ARGS]);
      expect(init.code, init.stderr).toBe(0);
      expect((await yekuo(['--data', dir, 'calendar', 'load', table])).stderr).toContain('需要以用户身份执行');
      const load = await yekuo([...admin, 'calendar', 'load', table]);
      expect(load.code).toBe(0);
      const after = await yekuo(['--data', dir, 'calendar', 'is-workday', '2031-10-01']);
      expect(after.stdout).toBe('2031-10-01\tholiday\t国庆节\n');
      expect(after.stderr).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
