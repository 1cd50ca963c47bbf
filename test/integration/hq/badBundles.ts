/**
 * Real bad bundles, made from real exports: cut short, a byte changed, signed with the wrong key, from a newer
 * format, another hall's, duplicated with other content, out of order, a rewritten hall history, a zip bomb and a
 * path-traversal name. Each comes with the message HQ must give.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateKeyPairSync, sign } from 'node:crypto';
import yauzl from 'yauzl';
import { DATABASE_FILE, openDatabase } from '../../../main/db/connection';
import { outboxDir } from '../../../main/export/createBatch';
import { nodeIo } from '../../../main/export/exportIo';
import { hallKeysOf } from '../../../main/export/exportStatus';
import { writeZip } from '../../../main/export/zipBundle';
import type { HandlerContext } from '../../../main/ipc/context';
import { createApplication } from '../../../main/services/applications/createApplication';
import { canonicalJson } from '../../../main/services/canonicalJson';
import type { HallKeys } from '../../../main/services/keys/hallKeys';
import { recordFor, type Store } from '../store/storeFixture';
import { exportNow, tempDir } from '../export/exportFixture';

interface Entry {
  name: string;
  bytes: Buffer;
}

function readEntries(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: Entry[] = [];
      let pending = 0;
      let ended = false;
      const done = () => ended && pending === 0 && resolve(entries.sort((a, b) => order(a) - order(b)));
      const indexOf = new Map<string, number>();
      const order = (e: Entry) => indexOf.get(e.name)!;
      zip.on('entry', (entry: yauzl.Entry) => {
        indexOf.set(entry.fileName, indexOf.size);
        pending++;
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
            pending--;
            done();
          });
        });
      });
      zip.on('end', () => {
        ended = true;
        done();
      });
    });
  });
}

let counter = 0;
async function rezip(file: string, edit: (entries: Entry[]) => Entry[]): Promise<string> {
  const out = path.join(tempDir('yekuo-bad-'), `${path.basename(file, '.zip')}-${++counter}.zip`);
  await writeZip(nodeIo, out, edit(await readEntries(file)));
  return out;
}

/** Changes the manifest and signs it again with `signer` (the hall's own key unless given). */
function resigned(entries: Entry[], change: (m: Record<string, unknown>) => void, signer: (b: Buffer) => Buffer) {
  const manifest = JSON.parse(entries[0]!.bytes.toString('utf8')) as Record<string, unknown>;
  change(manifest);
  const bytes = Buffer.from(canonicalJson(manifest), 'utf8');
  return [{ name: 'manifest.json', bytes }, { name: 'manifest.sig', bytes: signer(bytes) }, ...entries.slice(2)];
}

function copyFile(file: string, edit: (bytes: Buffer) => Buffer): string {
  const out = path.join(tempDir('yekuo-bad-'), path.basename(file));
  fs.writeFileSync(out, edit(fs.readFileSync(file)));
  return out;
}

/** Patches the declared uncompressed size of `name` in its local and central headers. */
function lieAboutSize(bytes: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const nameBytes = Buffer.from(name);
  for (let at = out.indexOf(nameBytes); at >= 0; at = out.indexOf(nameBytes, at + 1)) {
    if (out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(size, at - 30 + 22);
    if (out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(size, at - 46 + 24);
  }
  return out;
}

const create = (ctx: HandlerContext, seed: number) => createApplication(ctx, recordFor('NEW_LVR', 'LVR', seed));

async function bundleOf(ctx: HandlerContext): Promise<string> {
  return path.join(outboxDir(ctx.dataDir), (await exportNow(ctx))!.file);
}

export interface BadCases {
  accepted: string[];
  refused: { what: string; file: string; message: RegExp }[];
}

export async function badBundles(
  hall: (code: string) => Store,
  register: (store: Store) => Promise<void>,
): Promise<BadCases> {
  const a = hall('NJ0101');
  await register(a);
  const keys: HallKeys = hallKeysOf(a.ctx());
  // The same hall folder copied before any application: the start of a rewritten history with the same key.
  a.ctx().db.pragma('wal_checkpoint(TRUNCATE)');
  const rewrittenDir = tempDir();
  fs.cpSync(a.dir, rewrittenDir, { recursive: true });
  for (const seed of [1, 2, 3]) create(a.ctx(), seed);
  const one = await bundleOf(a.ctx());
  create(a.ctx(), 4);
  const two = await bundleOf(a.ctx());

  const rewritten: HandlerContext = {
    ...a.ctx(),
    db: openDatabase(path.join(rewrittenDir, DATABASE_FILE)),
    dataDir: rewrittenDir,
  };
  for (const seed of [11, 12, 13]) create(rewritten, seed);
  await bundleOf(rewritten);
  create(rewritten, 14);
  const rewrittenTwo = await bundleOf(rewritten);
  rewritten.db.close();

  const other = hall('SZ0201');
  const otherKeys = hallKeysOf(other.ctx());
  create(other.ctx(), 5);
  const otherOne = await bundleOf(other.ctx());
  const stranger = generateKeyPairSync('ed25519').privateKey;
  const own = (b: Buffer) => keys.sign(b);
  const size = fs.statSync(two).size;

  return {
    accepted: [one],
    refused: [
      {
        what: 'truncated zip',
        file: copyFile(two, (b) => b.subarray(0, Math.floor(size * 0.6))),
        message: /不是完整的 zip|截断/,
      },
      {
        what: 'one byte changed in an entry',
        file: copyFile(two, (b) => {
          const out = Buffer.from(b);
          const name = Buffer.from('tables/applications.jsonl');
          const at = b.indexOf(name) + name.length + 20; // inside the entry's compressed data
          out[at] = (out[at] ?? 0) ^ 0xff;
          return out;
        }),
        message: /sha256|损坏|不符/,
      },
      {
        what: 'one byte changed, zip re-packed so zip checks pass',
        file: await rezip(two, (entries) =>
          entries.map((e) =>
            e.name === 'tables/applications.jsonl'
              ? { ...e, bytes: Buffer.from(e.bytes.toString().replace('NEW_LVR', 'NEW_LVN')) }
              : e,
          ),
        ),
        message: /sha256 或大小与 manifest 不符/,
      },
      {
        what: 'wrong signature',
        file: await rezip(two, (entries) =>
          resigned(
            entries,
            () => undefined,
            (b) => sign(null, b, stranger),
          ),
        ),
        message: /签名校验失败/,
      },
      {
        what: 'manifest from a newer format',
        file: await rezip(two, (entries) => resigned(entries, (m) => (m.formatVersion = 2), own)),
        message: /格式版本 2 比本程序支持的版本 1 新/,
      },
      {
        what: 'hall code that does not match the key',
        file: await rezip(otherOne, (entries) =>
          resigned(
            entries,
            (m) => ((m.hall as { code: string }).code = 'NJ0101'),
            (b) => otherKeys.sign(b),
          ),
        ),
        message: /签名校验失败/,
      },
      { what: 'unregistered hall', file: otherOne, message: /SZ0201 的公钥尚未登记/ },
      {
        what: 'duplicate batch number with other content',
        file: await rezip(one, (entries) => resigned(entries, (m) => (m.createdAt = '2026-03-09T00:00:00.000Z'), own)),
        message: /第 1 批已于 .* 导入过另一份内容不同的数据包/,
      },
      {
        what: 'out of order (change_seq range does not continue)',
        file: await rezip(two, (entries) =>
          resigned(entries, (m) => ((m.changeSeq as { from: number }).from += 1), own),
        ),
        message: /批次顺序不符/,
      },
      { what: 'rewritten hall history', file: rewrittenTwo, message: /审计链未接续：第 \d+ 条/ },
      {
        what: 'zip bomb (entry larger than declared)',
        file: copyFile(two, (b) => lieAboutSize(b, 'tables/applications.jsonl', 100)),
        message: /压缩炸弹/,
      },
      {
        what: 'path-traversal entry name',
        file: copyFile(
          await rezip(two, (entries) => [
            ...entries.slice(0, 2),
            { name: 'aa/evil.jsonl', bytes: Buffer.from('x') },
            ...entries.slice(2),
          ]),
          (b) => Buffer.from(b.toString('latin1').replaceAll('aa/evil.jsonl', '../evil.jsonl'), 'latin1'),
        ),
        message: /路径穿越/,
      },
    ],
  };
}
