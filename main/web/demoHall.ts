/**
 * The demo hall of `npm run dev:web` without `--data`: a fixed folder under the user's data directory, filled on
 * first use with demo applications, three demo users with known passwords and the demo 文书抬头, then reused on
 * every later start. It is built in a sibling folder and renamed into place when complete, so an interrupted
 * first start leaves no half-filled hall behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../shared/domain/codes';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { prepareDataFolder } from '../db/dataFolder';
import { keyFileFor } from '../db/databaseKey';
import { addUserWithPassword, createFirstAdmin } from '../services/auth/passwords';
import { actingAs } from '../services/auth/storeContext';
import { DEMO_DOCUMENT_SETTINGS } from '../services/demo/demoDocumentSettings';
import { addDemoCustomers } from '../services/demo/demoCustomers';
import { DEMO_HISTORY_DAYS, runDemo } from '../services/demo/runDemo';
import { setDocumentSettings } from '../services/documents/documentSettings';
import { initHall } from '../services/hall';

/** Told to every newcomer (README, the start-up line): demo only, never a real hall's accounts. */
export const DEMO_PASSWORD = 'yekuo-demo';
export const DEMO_HALL = { code: 'YS0101', name: '演示供电营业厅（演示数据）' };
export const DEMO_USERS: readonly { id: string; name: string; role: Role }[] = [
  { id: 'A001', name: '张敏', role: 'admin' },
  { id: 'S001', name: '王建国', role: 'supervisor' },
  { id: 'C001', name: '李雷', role: 'clerk' },
];
export const DEMO_APPLICATIONS = 3000;

/** `<user data directory>/yekuo-desk-demo`: %LOCALAPPDATA%, ~/Library/Application Support or $XDG_DATA_HOME. */
export function demoHallDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'));
  return path.join(base, 'yekuo-desk-demo');
}

/**
 * Builds the demo hall in `dir` unless it already holds a database; returns whether it built one. `keyFile`:
 * an explicit database key file, else the folder's own.
 */
export async function ensureDemoHall(
  dir: string,
  options: { keyFile?: string; count?: number; onProgress?: (done: number, count: number) => void } = {},
): Promise<boolean> {
  if (fs.existsSync(path.join(dir, DATABASE_FILE))) return false;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`演示营业厅目录 ${dir} 已有其他文件但没有数据库：请移走该目录后重试，或用 --data 指定数据目录。`);
  }
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  prepareDataFolder(building);
  const db = openDatabase(path.join(building, DATABASE_FILE), { keyFile: keyFileFor(building, options.keyFile) });
  try {
    const store = { db, dataDir: building };
    const [admin, ...staff] = DEMO_USERS;
    await createFirstAdmin(store, { ...admin!, password: DEMO_PASSWORD }, (acting) => {
      initHall(acting, DEMO_HALL);
      setDocumentSettings(acting, DEMO_DOCUMENT_SETTINGS);
    });
    const asAdmin = actingAs(store, admin!);
    for (const user of staff) await addUserWithPassword(asAdmin, { ...user, password: DEMO_PASSWORD }, false);
    const count = options.count ?? DEMO_APPLICATIONS;
    runDemo(asAdmin, {
      count,
      seed: 1,
      days: DEMO_HISTORY_DAYS,
      onProgress: (done) => options.onProgress?.(done, count),
    });
    addDemoCustomers(asAdmin);
  } finally {
    db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return true;
}
