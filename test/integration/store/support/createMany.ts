/**
 * Child process of the numbering test: opens the data folder with its own connection and creates N
 * applications, one transaction each, printing the numbers it got as one JSON array.
 * Usage: node --import tsx createMany.ts <dataDir> <count> <seed>
 */
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../../../../main/db/connection';
import { createApplication } from '../../../../main/services/applications/createApplication';
import { recordFor } from '../storeFixture';

const [dir, count, seed] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(path.join(dir, DATABASE_FILE), { busyTimeoutMs: 30_000 });
const ctx = { db, dataDir: dir, session: { userId: `proc-${seed}`, name: '并发测试', role: 'clerk' as const } };
const numbers: string[] = [];
for (let i = 0; i < Number(count); i++) {
  numbers.push(createApplication(ctx, recordFor('NEW_LVR', 'LVR', Number(seed) * 100_000 + i)).number);
}
db.close();
process.stdout.write(JSON.stringify(numbers));
