import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerClient, type WorkerClient } from '../../../main/ipc/workerClient';
import { recordFor, tempDataDir } from './storeFixture';

let client: WorkerClient | undefined;
let dir = '';
afterEach(async () => {
  await client?.close();
  client = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('services in a worker thread', () => {
  it('dispatches through the same handler table, with roles, typed errors and results', async () => {
    dir = tempDataDir();
    client = await startWorkerClient({ dataDir: dir, session: { userId: 'a', name: '管理员', role: 'admin' } });
    expect(await client.call('hall.init', { code: 'NJ0101', name: '南京江宁营业厅' })).toMatchObject({ ok: true });
    client.setSession({ userId: 'c', name: '李娜', role: 'clerk' });
    const created = await client.call('applications.create', { record: recordFor('NEW_LVN', 'LVN') });
    expect(created).toMatchObject({ ok: true, value: { stage: 'ACCEPT', status: 'ACTIVE' } });
    const number = (created as { value: { number: string } }).value.number;
    expect(await client.call('applications.return', { number, to: 'ACCEPT', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await client.call('applications.get', { number: 'NJ0101-19990101-0001' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const found = await client.call('search.query', { text: number });
    expect(found).toMatchObject({ ok: true, value: { items: [{ number }] } });
  });
});
