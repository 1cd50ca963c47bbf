/**
 * Reads an export bundle the careful way (docs/export-format.md "Reading a bundle safely"): the zip's names and
 * sizes, the manifest's format version, the hall's registered key and signature, then every entry streamed
 * through sha256 with its declared size enforced, rows handed to the caller in chunks. Any refusal throws
 * BundleRefused; the caller loads rows inside a transaction it rolls back on a throw.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { signedHeadPayload } from '../services/auditAnchors';
import { canonicalJson } from '../services/canonicalJson';
import { publicKeyFingerprint, verifyHallSignature } from '../services/keys/hallKeys';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  manifestSchema,
  SIGNATURE_ENTRY,
  type Manifest,
  type ManifestEntry,
} from '../export/format';
import { exportTable, type ExportTable } from '../export/tables';

/** A bundle HQ will not load, with the Chinese reason naming the bundle and what is wrong. */
export class BundleRefused extends Error {
  constructor(
    readonly bundle: string,
    reason: string,
  ) {
    super(`${bundle}：${reason}`);
    this.name = 'BundleRefused';
  }
}

export type Row = Record<string, string | number | null>;

export interface BundleReader {
  /** Called once the manifest is verified, before any row: the place to refuse a duplicate or out-of-order batch. */
  onManifest(manifest: Manifest): Promise<void> | void;
  /** Rows of one table, in file order, in chunks. */
  onRows(table: ExportTable, rows: Row[]): Promise<void> | void;
}

const MAX_MANIFEST_BYTES = 1 << 20;
const ROW_CHUNK = 2000;

function openZip(file: string, name: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true, decodeStrings: true },
      (error, zip) => {
        if (error || !zip)
          reject(new BundleRefused(name, `不是完整的 zip 文件（可能传输中被截断）：${error?.message ?? ''}`));
        else resolve(zip);
      },
    );
  });
}

/** The zip's entries one at a time; yauzl's own name checks (absolute paths, `..`) surface as refusals. */
async function* entriesOf(zip: yauzl.ZipFile, name: string): AsyncGenerator<yauzl.Entry> {
  let pending: { resolve: (e: yauzl.Entry | null) => void; reject: (e: Error) => void } | undefined;
  zip.on('entry', (entry: yauzl.Entry) => pending?.resolve(entry));
  zip.on('end', () => pending?.resolve(null));
  zip.on('error', (error: Error) => pending?.reject(refusalOf(error, name)));
  for (;;) {
    const next = new Promise<yauzl.Entry | null>((resolve, reject) => (pending = { resolve, reject }));
    zip.readEntry();
    const entry = await next;
    if (!entry) return;
    yield entry;
  }
}

function refusalOf(error: Error, name: string): BundleRefused {
  if (error instanceof BundleRefused) return error;
  const message = error.message;
  if (/invalid relative path|absolute path|invalid characters in fileName/i.test(message)) {
    return new BundleRefused(name, `包含非法的条目名称（路径穿越或绝对路径），已拒绝：${message}`);
  }
  if (/too many bytes/i.test(message)) {
    return new BundleRefused(name, `某条目解压后的大小超过其声明的大小（疑似压缩炸弹），已拒绝：${message}`);
  }
  return new BundleRefused(name, `zip 文件已损坏，无法读取：${message}`);
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(refusalOf(error ?? new Error('no stream'), name)) : resolve(stream),
    ),
  );
}

async function readWhole(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, max: number): Promise<Buffer> {
  if (entry.uncompressedSize > max) {
    throw new BundleRefused(
      name,
      `条目 ${entry.fileName} 声明大小 ${entry.uncompressedSize} 字节，超过上限 ${max} 字节。`,
    );
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await openStream(zip, entry, name)) chunks.push(chunk as Buffer);
  } catch (error) {
    throw refusalOf(error as Error, name);
  }
  return Buffer.concat(chunks);
}

export interface VerifiedManifest {
  manifest: Manifest;
  bytes: Buffer;
}

/** Format version first (a newer hall's bundle is refused, not guessed at), then the shape. */
function parseManifest(bytes: Buffer, name: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new BundleRefused(name, 'manifest.json 不是合法的 JSON。');
  }
  const head = json as { format?: unknown; formatVersion?: unknown };
  if (head?.format !== FORMAT_NAME)
    throw new BundleRefused(name, '不是营业厅导出数据包（manifest.json 的 format 不符）。');
  if (typeof head.formatVersion !== 'number' || head.formatVersion > FORMAT_VERSION) {
    throw new BundleRefused(
      name,
      `数据包格式版本 ${String(head.formatVersion)} 比本程序支持的版本 ${FORMAT_VERSION} 新：请先升级总部程序再导入。`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleRefused(
      name,
      `manifest.json 的字段 ${issue?.path.join('.') ?? ''} 不符合格式：${issue?.message ?? ''}`,
    );
  }
  if (canonicalJson(parsed.data) !== bytes.toString('utf8')) {
    throw new BundleRefused(name, 'manifest.json 不是规范 JSON（键顺序或空白被改动）。');
  }
  return parsed.data;
}

function checkSignature(manifest: Manifest, bytes: Buffer, signature: Buffer, publicKeyPem: string, name: string) {
  if (!verifyHallSignature(publicKeyPem, bytes, signature)) {
    throw new BundleRefused(
      name,
      `签名校验失败：manifest.json 不是营业厅 ${manifest.hall.code} 登记的密钥所签（数据被改动或密钥不符），已拒绝。`,
    );
  }
  if (publicKeyFingerprint(publicKeyPem) !== manifest.hall.keyFingerprint) {
    throw new BundleRefused(name, `数据包声明的密钥指纹与总部为营业厅 ${manifest.hall.code} 登记的公钥不符，已拒绝。`);
  }
}

/** The hall's signed chain head of this export: signed by the same key, for this hall, not beyond the batch's head. */
function checkSignedHead(manifest: Manifest, publicKeyPem: string, name: string): void {
  const signed = manifest.audit.signedHead;
  if (!signed) return;
  const head = manifest.audit.head;
  const valid =
    signed.hallCode === manifest.hall.code &&
    verifyHallSignature(publicKeyPem, signedHeadPayload(signed), Buffer.from(signed.signature, 'base64')) &&
    (signed.entryId < head.id || (signed.entryId === head.id && signed.entryHash === head.hash));
  if (!valid) {
    throw new BundleRefused(
      name,
      `营业厅 ${manifest.hall.code} 的签名审计链头（第 ${signed.entryId} 条）签名无效或与本批链头不符，已拒绝。`,
    );
  }
}

const INT = /^-?\d+$/;

function parseRow(line: string, table: ExportTable, name: string, lineNo: number): Row {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    throw new BundleRefused(name, `${table.name} 第 ${lineNo} 行不是合法的 JSON。`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    throw new BundleRefused(name, `${table.name} 第 ${lineNo} 行不是对象。`);
  }
  const record = row as Record<string, unknown>;
  const out: Row = {};
  for (const [column, type] of table.columns) {
    const value = record[column];
    const ok =
      value === null ||
      (type === 'int' && typeof value === 'number' && Number.isSafeInteger(value)) ||
      (type === 'text' && typeof value === 'string');
    if (!ok && !(value === undefined && !table.key.includes(column))) {
      throw new BundleRefused(name, `${table.name} 第 ${lineNo} 行的列 ${column} 缺失或类型不符。`);
    }
    out[column] = (value ?? null) as string | number | null;
  }
  if (
    table.key.some((column) => out[column] === null) ||
    (typeof out.change_seq !== 'number' && !INT.test(String(out.change_seq)))
  ) {
    throw new BundleRefused(name, `${table.name} 第 ${lineNo} 行缺少主键或 change_seq。`);
  }
  return out;
}

/** Streams one entry: hash, size and (for tables) rows in chunks, checked against the manifest. */
async function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  expected: ManifestEntry,
  reader: BundleReader,
  name: string,
): Promise<void> {
  const table = expected.table ? exportTable(expected.table) : undefined;
  if (expected.table && (!table || expected.name !== `tables/${table.name}.jsonl`)) {
    throw new BundleRefused(name, `未知的数据表 ${expected.table}：请升级总部程序。`);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  let rest = '';
  let lines = 0;
  let chunk: Row[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const data of await openStream(zip, entry, name)) {
      const buffer = data as Buffer;
      bytes += buffer.length;
      if (bytes > expected.bytes)
        throw new BundleRefused(
          name,
          `条目 ${expected.name} 解压后超过声明的 ${expected.bytes} 字节（疑似压缩炸弹），已拒绝。`,
        );
      hash.update(buffer);
      if (!table) continue;
      const text = rest + decoder.decode(buffer, { stream: true });
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        chunk.push(parseRow(line, table, name, ++lines));
        if (chunk.length >= ROW_CHUNK) {
          await reader.onRows(table, chunk);
          chunk = [];
        }
      }
    }
  } catch (error) {
    throw refusalOf(error as Error, name);
  }
  const digest = hash.digest('hex');
  if (bytes !== expected.bytes || digest !== expected.sha256) {
    throw new BundleRefused(
      name,
      `条目 ${expected.name} 的 sha256 或大小与 manifest 不符（数据被改动或损坏），已拒绝。`,
    );
  }
  if (table) {
    if (rest !== '') throw new BundleRefused(name, `条目 ${expected.name} 的最后一行没有换行符（文件不完整）。`);
    if (lines !== expected.rows)
      throw new BundleRefused(name, `条目 ${expected.name} 有 ${lines} 行，manifest 声明 ${expected.rows ?? 0} 行。`);
    if (chunk.length > 0) await reader.onRows(table, chunk);
  }
}

/**
 * Verifies and reads the bundle `file` (shown as `name` in messages). `keyOf` returns the registered public
 * key of a hall code, or undefined for a hall HQ does not know.
 */
export async function readBundle(
  file: string,
  name: string,
  keyOf: (hallCode: string) => string | undefined,
  reader: BundleReader,
): Promise<Manifest> {
  const zip = await openZip(file, name);
  try {
    const entries = entriesOf(zip, name);
    const first = (await entries.next()).value;
    const second = (await entries.next()).value;
    if (!first || first.fileName !== MANIFEST_ENTRY || !second || second.fileName !== SIGNATURE_ENTRY) {
      throw new BundleRefused(name, '缺少 manifest.json 或 manifest.sig（应为前两个条目）。');
    }
    const manifestBytes = await readWhole(zip, first, name, MAX_MANIFEST_BYTES);
    const signature = await readWhole(zip, second, name, 64);
    const manifest = parseManifest(manifestBytes, name);
    const key = keyOf(manifest.hall.code);
    if (!key) {
      throw new BundleRefused(
        name,
        `营业厅 ${manifest.hall.code} 的公钥尚未登记：请先核实后执行 yekuo hq keys add hall-${manifest.hall.code}.pub。`,
      );
    }
    checkSignature(manifest, manifestBytes, signature, key, name);
    checkSignedHead(manifest, key, name);
    await reader.onManifest(manifest);
    let index = 0;
    for await (const entry of entries) {
      const expected = manifest.entries[index++];
      if (!expected || entry.fileName !== expected.name) {
        throw new BundleRefused(name, `条目 ${entry.fileName} 不在 manifest 中或顺序不符，已拒绝。`);
      }
      if (entry.uncompressedSize !== expected.bytes) {
        throw new BundleRefused(
          name,
          `条目 ${entry.fileName} 在 zip 中声明 ${entry.uncompressedSize} 字节，manifest 为 ${expected.bytes} 字节（疑似压缩炸弹或被改动），已拒绝。`,
        );
      }
      await readEntry(zip, entry, expected, reader, name);
    }
    if (index !== manifest.entries.length) {
      throw new BundleRefused(name, `缺少条目 ${manifest.entries[index]?.name ?? ''}（数据包不完整），已拒绝。`);
    }
    return manifest;
  } finally {
    zip.close();
  }
}
