/** `yekuo stats`, `process`, `simulate` and `forecast` as a supervisor runs them, through bin/yekuo.mjs. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ADMIN_ARGS, cliAdminEnv } from './store/cliRunner';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function yekuo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/yekuo.mjs', '--data', dataDir, ...args],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: cliAdminEnv() },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let dataDir = '';

// Each run starts tsx; on a busy machine one takes seconds.
describe('yekuo stats, process, simulate, forecast', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-cli-stats-'));
    expect(
      (await yekuo('init', '--hall-code', 'JS0101', '--hall-name', '城东供电营业厅', ...CLI_ADMIN_ARGS)).code,
    ).toBe(0);
    expect((await yekuo('demo', '--count', '300', '--seed', '2', '--days', '900')).code).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the stage table and the 获得电力 indicators, or the same as JSON', async () => {
    const text = await yekuo('stats');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('业务受理');
    expect(text.stdout).toContain('获得电力');
    const json = await yekuo('stats', '--from', '2025-01-01', '--class', 'LVR,LVN', '--json');
    type Report = { filter: { from?: string; to?: string }; applications: number; connection: { connected: number }[] };
    const report = JSON.parse(json.stdout) as Report;
    expect(report.filter.from).toBe('2025-01-01');
    expect(report.connection.slice(2).every((c) => c.connected === 0)).toBe(true);
    // --to closes the period: fewer applications than from the same day on.
    const closed = JSON.parse(
      (await yekuo('stats', '--from', '2025-01-01', '--to', '2025-06-30', '--class', 'LVR,LVN', '--json')).stdout,
    ) as Report;
    expect(closed.filter).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
    expect(closed.applications).toBeGreaterThan(0);
    expect(closed.applications).toBeLessThan(report.applications);
  });

  it('prints the process map and the common paths', async () => {
    const run = await yekuo('process');
    expect(run.stdout).toMatch(/业务受理\t现场勘查\t推进\t\d+/);
    expect(run.stdout).toContain('常见路径');
    const json = JSON.parse((await yekuo('process', '--json')).stdout) as { map: { edges: unknown[] } };
    expect(json.map.edges.length).toBeGreaterThan(5);
  });

  it('simulates a scenario reproducibly and states its assumptions', async () => {
    const a = await yekuo('simulate', 'merge-survey', '--runs', '2000', '--seed', '5', '--json');
    const b = await yekuo('simulate', 'merge-survey', '--runs', '2000', '--seed', '5', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout) as { runs: number; assumptions: string[] };
    expect(result.runs).toBe(2000);
    expect(result.assumptions.join('')).toContain('现场勘查');
    const text = await yekuo('simulate', 'extra-clerk', '--runs', '1000');
    expect(text.stdout).toContain('变化：中位数');
    expect(text.stdout).toContain('c/(c+1)');
  });

  it('refuses an unknown scenario and a bad run count with exit 2 and the field named', async () => {
    const scenario = await yekuo('simulate', 'teleport');
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('模拟方案');
    const runs = await yekuo('simulate', 'none', '--runs', '5');
    expect(runs.code).toBe(2);
    expect(runs.stderr).toContain('模拟次数');
    const dates = await yekuo('stats', '--from', '2026-13-01');
    expect(dates.code).toBe(2);
    expect(dates.stderr).toContain('YYYY-MM-DD');
  });

  it('forecasts three months per group with both back-test errors', async () => {
    const run = await yekuo('forecast');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('新装');
    expect(run.stdout).toContain('Holt-Winters MAPE');
    const json = JSON.parse((await yekuo('forecast', '--json')).stdout) as { forecastMonths: string[] };
    expect(json.forecastMonths).toHaveLength(3);
  });
});
