/**
 * The child of the kill -9 test (killNine.ts): opens the hall store in DIR and, until it is killed, creates
 * applications and advances them through the handler table, exactly as the desktop does. After each call returns
 * (its transaction committed) it prints an acknowledgement line; the parent checks every acknowledged write survives.
 *   C <number>              an application was created
 *   M <number> <stage>      an application was advanced to <stage>
 * Usage: tsx test/fault/killWriter.ts DIR SEED
 */
import path from 'node:path';
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO } from '../../shared/domain/codes';
import { DATABASE_FILE, openDatabase } from '../../main/db/connection';
import type { HandlerContext } from '../../main/ipc/context';
import { dispatch } from '../../main/ipc/dispatch';
import { Prng } from '../../main/services/demo/prng';
import { recordFor } from '../integration/store/storeFixture';

const [dir = '', seedText = '1'] = process.argv.slice(2);
const rng = new Prng(Number(seedText));
const db = openDatabase(path.join(dir, DATABASE_FILE));
const ctx: HandlerContext = {
  db,
  dataDir: dir,
  session: { userId: 'fault-1', name: '故障测试', role: 'supervisor' },
  now: () => new Date('2026-03-02T02:00:00Z'),
};
const kinds = BUSINESS_TYPES.flatMap((type) => BUSINESS_TYPE_INFO[type].classes.map((cls) => [type, cls] as const));
// Applications left open by earlier (killed) runs are advanced too, so a kill can hit any stage.
const open: string[] = (
  db
    .prepare("SELECT number FROM applications WHERE status = 'ACTIVE' ORDER BY id DESC LIMIT 20")
    .pluck()
    .all() as string[]
).reverse();

function ack(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function writeUntilKilled(): Promise<never> {
  ack('ready');
  for (;;) {
    if (open.length < 4 || rng.chance(0.35)) {
      const [type, cls] = rng.pick(kinds);
      const created = await dispatch(ctx, 'applications.create', {
        record: recordFor(type, cls, rng.int(1, 1_000_000)),
      });
      if (!created.ok) throw new Error(`create refused: ${JSON.stringify(created.error)}`);
      const number = (created.value as { number: string }).number;
      open.push(number);
      ack(`C ${number}`);
    } else {
      const index = rng.int(0, open.length - 1);
      const number = open[index] as string;
      const moved = await dispatch(ctx, 'applications.advance', { number });
      if (moved.ok) ack(`M ${number} ${(moved.value as { stage: string }).stage}`);
      // The last stage or a refusing rule: this one is done, the others go on.
      else open.splice(index, 1);
    }
  }
}

void writeUntilKilled();
