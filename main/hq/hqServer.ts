/**
 * `yekuo hq serve`: the HQ receiver. A hall POSTs one bundle to /bundles (body: the zip, header
 * X-Yekuo-Bundle: its file name); the receiver streams it to a temp file (size-capped), imports it through the
 * same verifying import as `yekuo hq import`, and answers with a receipt signed by the HQ key
 * (main/export/receipt.ts). Imports run one at a time. Loopback-only unless a listen address is given; TLS is
 * a reverse proxy's job (docs/hq.md).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { signReceipt, type SignedReceipt } from '../export/receipt';
import type { HallKeys } from '../services/keys/hallKeys';
import { importBundle, type HqStore, type ImportOutcome } from './hqStore';

export interface HqServerOptions {
  store: HqStore;
  /** HQ's own key pair: it signs the receipts. */
  keys: HallKeys;
  host: string;
  port: number;
  /** Largest bundle accepted, in bytes. */
  maxBytes: number;
  now?: () => Date;
  /** Told of every bundle handled (the CLI prints one line each). */
  onOutcome?: (outcome: ImportOutcome) => void;
}

export interface RunningHqServer {
  url: string;
  close(): Promise<void>;
}

const BUNDLE_NAME = /^yekuo-[A-Z0-9]{2,12}-\d{6}\.zip$/;

class TooLarge extends Error {}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const refusal = (res: http.ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { error: { code, message } });

/** Streams the request body into `file`, hashing it, refusing more than `max` bytes. */
async function receive(req: http.IncomingMessage, file: string, max: number): Promise<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > max) return done(new TooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(req, meter, fs.createWriteStream(file, { mode: 0o600 }));
  return hash.digest('hex');
}

export async function startHqServer(options: HqServerOptions): Promise<RunningHqServer> {
  const now = options.now ?? (() => new Date());
  let queue: Promise<unknown> = Promise.resolve();
  /** One import at a time: the stores hold one connection, and a hall's batches must be placed in turn. */
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://hq');
    if (url.pathname !== '/bundles') return refusal(res, 404, 'NOT_FOUND', '只接受 POST /bundles。');
    if (req.method !== 'POST') return refusal(res, 405, 'METHOD', '只接受 POST /bundles。');
    const name = String(req.headers['x-yekuo-bundle'] ?? '');
    if (!BUNDLE_NAME.test(name)) {
      req.resume();
      return refusal(
        res,
        400,
        'BAD_NAME',
        '请求头 X-Yekuo-Bundle 应为数据包文件名 yekuo-<营业厅编码>-<6 位批次号>.zip。',
      );
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > options.maxBytes) {
      req.resume();
      return refusal(res, 413, 'TOO_LARGE', `数据包 ${name} 超过总部接收上限 ${options.maxBytes} 字节，未接收。`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-hq-in-'));
    try {
      const file = path.join(dir, name);
      let sha256: string;
      try {
        sha256 = await receive(req, file, options.maxBytes);
      } catch (error) {
        if (error instanceof TooLarge) {
          return refusal(res, 413, 'TOO_LARGE', `数据包 ${name} 超过总部接收上限 ${options.maxBytes} 字节，未接收。`);
        }
        throw error;
      }
      const receivedAt = now().toISOString();
      let outcome: ImportOutcome;
      try {
        outcome = await serialised(() => importBundle(options.store, file, now));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return refusal(
          res,
          503,
          'HQ_DB',
          `总部数据库暂时不可用，数据包 ${name} 未导入（已回滚），请稍后重发：${detail}`,
        );
      }
      options.onOutcome?.(outcome);
      if (outcome.status === 'refused') return refusal(res, 422, 'REFUSED', outcome.message);
      const receipt: SignedReceipt = signReceipt(options.keys, {
        format: 'yekuo-receipt',
        formatVersion: 1,
        hallCode: outcome.hallCode,
        batch: outcome.batch,
        bundleSha256: sha256,
        outcome: outcome.status,
        importedAt: outcome.importedAt,
        receivedAt,
      });
      sendJson(res, 200, receipt);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      refusal(res, 500, 'INTERNAL', `总部接收服务内部错误：${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
