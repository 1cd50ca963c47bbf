import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../main/db/connection';
import { DATABASE_KEY_FILE } from '../../../main/db/databaseKey';
import { CLI_ADMIN_ARGS, yekuo } from './cliRunner';
import { recordFor, tempDataDir } from './storeFixture';

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

// POSIX modes; on Windows the data folder is in the user's profile (docs/store.md).
describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the data folder 700 and every file in it 600, whatever the umask of the shell', async () => {
    dir = path.join(tempDataDir(), 'hall');
    const previous = process.umask(0o022);
    try {
      const init = await yekuo(
        dir,
        'init',
        '--hall-code',
        'NJ0101',
        '--hall-name',
        '南京江宁营业厅',
        ...CLI_ADMIN_ARGS,
      );
      expect(init.code).toBe(0);
      const input = path.join(path.dirname(dir), 'a.json');
      fs.writeFileSync(input, JSON.stringify(recordFor('NEW_LVR', 'LVR')));
      expect((await yekuo(dir, 'app', 'create', input)).code).toBe(0);
    } finally {
      process.umask(previous);
    }
    expect(modeOf(dir)).toBe(0o700);
    const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
    expect(entries.map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort()).toEqual(
      expect.arrayContaining([DATABASE_FILE, DATABASE_KEY_FILE]),
    );
    for (const entry of entries) {
      const full = path.join(entry.parentPath, entry.name);
      expect([full, modeOf(full)]).toEqual([full, entry.isDirectory() ? 0o700 : 0o600]);
    }
  }, 240_000);

  it('tightens a data folder and database left readable by others by an older version', async () => {
    dir = path.join(tempDataDir(), 'hall');
    await yekuo(dir, 'init', '--hall-code', 'NJ0101', '--hall-name', '南京江宁营业厅', ...CLI_ADMIN_ARGS);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, DATABASE_FILE), 0o644);
    expect((await yekuo(dir, 'app', 'list')).code).toBe(0);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, DATABASE_FILE))).toBe(0o600);
  }, 240_000);
});
