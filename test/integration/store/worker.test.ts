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

const DOCUMENTS = {
  utilityName: '国网南京供电公司',
  address: '南京市江宁区天元中路 1 号',
  phone: '025-52100000',
  hotline: '95598',
};

describe('services in a worker thread', () => {
  it('holds the signed-in session itself: roles, typed errors and results follow whoever signed in', async () => {
    dir = tempDataDir();
    client = await startWorkerClient({ dataDir: dir });
    expect(await client.call('system.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await client.call('auth.status', {})).toMatchObject({ ok: true, value: { hasUsers: false, user: null } });
    const admin = { id: 'A001', name: '周敏', password: 'admin pass' };
    expect(
      await client.call('auth.firstRun', {
        hall: { code: 'NJ0101', name: '南京江宁营业厅' },
        admin,
        documents: DOCUMENTS,
        demo: false,
      }),
    ).toMatchObject({ ok: true, value: { id: 'A001', role: 'admin' } });
    await client.call('users.create', { id: 'C001', name: '李娜', role: 'clerk', password: 'temporary1' });
    await client.call('auth.signOut', {});
    expect(await client.call('auth.signIn', { id: 'C001', password: 'temporary1' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    // Nothing but the password change until it is done.
    expect(await client.call('search.query', { text: '王' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await client.call('auth.changePassword', { current: 'temporary1', next: 'clerk pass' });

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
    const trail = await client.call('audit.forApplication', { number });
    expect(trail).toMatchObject({ ok: true, value: [{ userId: 'C001', userName: '李娜' }] });
  });
});
