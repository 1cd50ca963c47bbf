/**
 * The CI gate around Electronegativity: the tool exits 0 whatever it finds, so scripts/electronegativity.mjs must
 * fail on an unjustified HIGH/MEDIUM finding and on a justification that matches nothing, and pass on our tree.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scan = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/electronegativity.mjs', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('Electronegativity in CI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-eneg-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('passes on main/ and renderer/ with every HIGH/MEDIUM finding justified in docs/security.md', () => {
    const run = scan();
    expect(run.stderr).not.toMatch(/unjustified|stale|not scanned/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0 HIGH, \d+ MEDIUM/);
    const csv = fs.readFileSync('out/electronegativity.csv', 'utf8');
    expect(csv.split('\n')[0]).toBe('issue,severity,confidence,filename,location,sample,description');
    expect(csv).toContain('"OPEN_EXTERNAL_JS_CHECK","MEDIUM"');
  }, 60_000);

  it('fails on an unjustified finding and on a stale justification, offline', () => {
    const app = path.join(dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(
      path.join(app, 'window.ts'),
      "import { BrowserWindow, shell } from 'electron';\n" +
        'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n' +
        'export const open = (url: string) => shell.openExternal(url);\n',
    );
    const justifications = path.join(dir, 'security.md');
    fs.writeFileSync(
      justifications,
      '<!-- electronegativity:start -->\n| Check | File | Severity | Why |\n|---|---|---|---|\n' +
        '| `OPEN_EXTERNAL_JS_CHECK` | `app/window.ts` | MEDIUM | help hosts only |\n' +
        '| `PRELOAD_JS_CHECK` | `app/gone.ts` | MEDIUM | no longer there |\n<!-- electronegativity:end -->\n',
    );
    const started = Date.now();
    const run = scan('--justifications', justifications, app);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unjustified HIGH: LIMIT_NAVIGATION_GLOBAL_CHECK N\/A/);
    expect(run.stderr).toMatch(/unjustified HIGH: CONTEXT_ISOLATION_JS_CHECK app\/window\.ts/);
    expect(run.stderr).not.toMatch(/unjustified MEDIUM: OPEN_EXTERNAL_JS_CHECK/);
    expect(run.stderr).toMatch(/stale justification .*PRELOAD_JS_CHECK app\/gone\.ts/);
    // Blocked requests fail at once instead of waiting for timeouts.
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 60_000);
});
