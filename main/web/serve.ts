/**
 * `npm run dev:web -- [--port 5178] [--data DIR] [--key-file FILE] [--role clerk|supervisor|admin]`
 * Runs the real UI against the real services without Electron (the Electron binary is not needed).
 * Prints `listening <url>` once ready, so tests can wait for it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLES } from '../../shared/domain/codes';
import { DATABASE_FILE } from '../db/connection';
import { ownerOnlyFromNowOn, prepareDataFolder } from '../db/dataFolder';
import { keyFileFor } from '../db/databaseKey';
import { startHarness } from './harness';
import { openOrServeRecovery } from './recoveryServer';

ownerOnlyFromNowOn();

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5178' },
    data: { type: 'string' },
    'key-file': { type: 'string' },
    role: { type: 'string', default: 'clerk' },
    name: { type: 'string', default: '演示营业员' },
  },
});

const options = z
  .object({
    port: z.coerce.number().int().min(0).max(65535),
    data: z.string().optional(),
    'key-file': z.string().optional(),
    role: z.enum(ROLES),
    name: z.string().min(1),
  })
  .safeParse(values);
if (!options.success) {
  console.error(
    `参数有误 / bad arguments: ${options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
  process.exit(2);
}

const dataDir = path.resolve(
  options.data.data ?? process.env.YEKUO_DATA ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-web-')),
);
prepareDataFolder(dataDir);
// A refused database (damaged, foreign, newer) shows the recovery page instead of the app.
const db = await openOrServeRecovery(path.join(dataDir, DATABASE_FILE), {
  port: options.data.port,
  dataDir,
  keyFile: keyFileFor(dataDir, options.data['key-file']),
});
const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

const harness = await startHarness({
  port: options.data.port,
  staticDir,
  context: {
    db,
    dataDir,
    session: { userId: `web-${options.data.role}`, name: options.data.name, role: options.data.role },
  },
});
console.log(`listening ${harness.url} (data: ${dataDir})`);

const stop = () => {
  void harness.close().finally(() => {
    db.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
